using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lede.Tests.Fetch;

/// <summary>A site on 127.0.0.1 whose robots.txt answer the test sets; every other path is a small page. Counts requests per path.</summary>
public sealed class RobotsSite : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    /// <summary>The robots.txt status and body.</summary>
    public (int Status, string Body) Robots { get; set; } = (404, "");

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Url(string path) => new(BaseUrl, path);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async http =>
        {
            var path = http.Request.Path.Value ?? "/";
            _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            var (status, body, type) = path == "/robots.txt" ? (Robots.Status, Robots.Body, "text/plain") : (200, "<html><body><p>page</p></body></html>", "text/html");
            http.Response.StatusCode = status;
            http.Response.ContentType = type;
            await http.Response.WriteAsync(body);
        });
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
