using System.Net;
using System.Text.Json;
using Lede.Normalize;
using Lede.Records;
using Lede.Storage.Sqlite;
using Lede.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Lede.Web.Tests;

/// <summary>The JSON API against the real server on a loopback port, over a SQLite store holding the samples.</summary>
public sealed class ArticleApiTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-web-").FullName;
    private SqliteStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteStore.Open(Path.Combine(_folder, "lede.db"));
        foreach (var path in Repo.SampleRecords())
        {
            RecordFileName.TryParseId(path, out var id).ShouldBeTrue();
            await _store.SaveRecordAsync(id, RecordReader.Read(File.ReadAllBytes(path), path).Record!, default);
        }

        var hostile = RecordReader.Read(File.ReadAllBytes(Repo.SampleRecords().First()), "x").Record! with
        {
            Title = "<script>alert(1)</script> & \"quotes\" \u202Egpj.exe\u200B",
            WebUrl = "https://example.com/hostile",
            Published = true,
            PublishedDateTime = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        await _store.SaveRecordAsync(ArticleId.FromUrl(hostile.WebUrl), hostile, default);

        _app = LedeWeb.Build(_store, "http://127.0.0.1:0");
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_server_listens_on_loopback_only() => new Uri(_app.Urls.Single()).Host.ShouldBe("127.0.0.1");

    [Fact]
    public async Task Only_published_articles_are_listed_newest_first()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync("/api/articles"));

        json.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldBe(
            ["8422dcafe3c997d5", ArticleId.FromUrl("https://example.com/hostile").ToString()]);
    }

    [Fact]
    public async Task An_article_shows_its_public_fields_and_never_its_secured_payload()
    {
        var body = await _http.GetStringAsync("/api/articles/8422dcafe3c997d5");
        using var json = JsonDocument.Parse(body);

        var article = json.RootElement;
        article.GetProperty("title").GetString().ShouldBe("PI and 30 CSOs unite against use of live facial recognition technology");
        article.GetProperty("publishedDateTime").GetString().ShouldBe("2021-08-22T21:02:00Z");
        article.GetProperty("type").GetString().ShouldBe("article");
        article.GetProperty("provider").GetProperty("domain").GetString().ShouldBe("privacyinternational.org");
        article.GetProperty("related").GetArrayLength().ShouldBe(2);
        body.ShouldNotContain("secured", Case.Insensitive);
        body.ShouldNotContain("z89Vz6XCNWAVsqmjBU", Case.Sensitive);
    }

    [Fact]
    public async Task Feed_text_is_encoded_not_passed_through()
    {
        var body = await _http.GetStringAsync($"/api/articles/{ArticleId.FromUrl("https://example.com/hostile")}");

        body.ShouldNotContain("<script>", Case.Insensitive);
        // E10: a bidi override or zero-width character reaches a client escaped, never as the raw character.
        body.ShouldNotContain('\u202E');
        body.ShouldNotContain('\u200B');
        body.ShouldContain("\\u202E");
        JsonDocument.Parse(body).RootElement.GetProperty("title").GetString().ShouldBe("<script>alert(1)</script> & \"quotes\" \u202Egpj.exe\u200B");
    }

    [Theory]
    [InlineData("/api/articles/02ffa5deb697b13d", HttpStatusCode.NotFound)]   // stored, not published
    [InlineData("/api/articles/0000000000000000", HttpStatusCode.NotFound)]
    [InlineData("/api/articles/not-an-id", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    public async Task Requests_get_the_status_they_deserve(string path, HttpStatusCode status)
    {
        using var response = await _http.GetAsync(path);

        response.StatusCode.ShouldBe(status);
    }

    /// <summary>M7: every answer, errors and 429s included, asks browsers to send no Referer to the hosts its content points at.</summary>
    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles/8422dcafe3c997d5")]
    [InlineData("/api/articles/0000000000000000")]
    [InlineData("/api/articles/not-an-id")]
    [InlineData("/nowhere")]
    [InlineData("/healthz")]
    public async Task Every_answer_sends_no_referrer(string path)
    {
        using var response = await _http.GetAsync(path);

        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    /// <summary>A3: a flood from one address gets 429 with Retry-After once its burst is spent, and is served again a moment later.</summary>
    [Fact]
    public async Task A_request_flood_is_turned_away_with_429_and_served_again_after_a_pause()
    {
        await using var app = LedeWeb.Build(_store, "http://127.0.0.1:0", requestsPerSecond: 2);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await http.GetAsync("/healthz");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
                response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
            }
        }

        statuses.Take(4).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThan(10);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var again = await http.GetAsync("/healthz");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Behind a reverse proxy every client shares one address: 0 lifts the limit.</summary>
    [Fact]
    public async Task No_limit_serves_every_request()
    {
        await using var app = LedeWeb.Build(_store, "http://127.0.0.1:0", requestsPerSecond: 0);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        for (var i = 0; i < 100; i++)
        {
            using var response = await http.GetAsync("/healthz");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}
