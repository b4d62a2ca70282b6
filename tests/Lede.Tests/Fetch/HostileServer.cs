using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lede.Tests.Fetch;

/// <summary>A real HTTP server on 127.0.0.1 and a random port, with one endpoint per behaviour the fetcher must survive.</summary>
/// <remarks>Every endpoint ends by itself: slow and endless ones stop when the client leaves or after a fixed bound.</remarks>
public sealed class HostileServer : IAsyncLifetime
{
    /// <summary>What /bomb inflates to: 100 MiB of zeros.</summary>
    public const long BombBytes = 100L * 1024 * 1024;

    public const string ETag = "\"v1\"";
    public const string LastModified = "Tue, 03 Nov 2026 10:00:00 GMT";

    private static readonly byte[] Zeros = new byte[64 * 1024];
    private static readonly Lazy<byte[]> Bomb = new(() => Compress(BombBytes));

    private readonly ConcurrentDictionary<string, Probe> _probes = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>What the server saw at /count/{key}: hits, the most at once, and when each started.</summary>
    public Probe ProbeFor(string key) => _probes.GetOrAdd(key, _ => new Probe());

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/ok", () => Results.Text("hello", "text/plain"));
        app.MapGet("/echo", (HttpContext http) => Results.Text(
            string.Join('\n', http.Request.Headers.Select(h => $"{h.Key}: {h.Value}").Order(StringComparer.Ordinal)), "text/plain"));
        app.MapGet("/etag", (HttpContext http) => Validated(http, http.Request.Headers.IfNoneMatch == ETag, "ETag", ETag));
        app.MapGet("/lastmod", (HttpContext http) => Validated(http, http.Request.Headers.IfModifiedSince == LastModified, "Last-Modified", LastModified));
        app.MapGet("/status/{code:int}", (HttpContext http, int code, int? retry, bool? date) =>
        {
            if (retry is { } seconds)
            {
                http.Response.Headers.RetryAfter = date == true
                    ? DateTimeOffset.UtcNow.AddSeconds(seconds).ToString("R")
                    : seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Text($"status {code}", statusCode: code);
        });
        app.MapGet("/challenge", (HttpContext http) =>
        {
            // What Cloudflare answers a non-browser with: an HTML page that runs a script, marked by a header.
            http.Response.Headers["cf-mitigated"] = "challenge";
            return Results.Content("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>", "text/html", statusCode: 403);
        });
        app.MapGet("/redirect/{left:int}", (HttpContext http, int left, int code, bool? absolute) =>
        {
            var next = left == 0 ? "/ok" : $"/redirect/{left - 1}?code={code}&absolute={absolute == true}";
            return Redirect(http, code, absolute == true ? Url(next).AbsoluteUri : next);
        });
        app.MapGet("/mixed", (HttpContext http) => Redirect(http, 301, "/redirect/1?code=302"));
        app.MapGet("/loop/{side}", (HttpContext http, string side) => Redirect(http, 302, side == "a" ? "/loop/b" : "/loop/a#again"));
        app.MapGet("/redirect-to", (HttpContext http, string url) => Redirect(http, 302, url));
        app.MapGet("/redirect-long/{length:int}", (HttpContext http, int length) => Redirect(http, 302, "/ok?q=" + new string('a', length)));
        app.MapGet("/no-location", () => Results.StatusCode(302));
        app.MapGet("/cookie-redirect", (HttpContext http, string url) =>
        {
            // A session cookie, then a hop to another origin: a client with a cookie jar would carry it along.
            http.Response.Headers.SetCookie = "session=s3cr3t; Path=/";
            return Redirect(http, 302, url);
        });
        app.MapGet("/slow-headers", async (HttpContext http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), http.RequestAborted);
            return Results.Text("late");
        });
        app.MapGet("/drip", async (HttpContext http) =>
        {
            // One byte every 100 ms for at most 10 s: headers come at once, the body never finishes in time.
            http.Response.ContentType = "text/plain";
            for (var i = 0; i < 100 && !http.RequestAborted.IsCancellationRequested; i++)
            {
                await http.Response.Body.WriteAsync("x"u8.ToArray(), http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
                await Task.Delay(100, http.RequestAborted);
            }
        });
        app.MapGet("/gzip", (HttpContext http) => Encoded(http, "gzip", s => new GZipStream(s, CompressionLevel.Fastest)));
        app.MapGet("/brotli", (HttpContext http) => Encoded(http, "br", s => new BrotliStream(s, CompressionLevel.Fastest)));
        app.MapGet("/bad-gzip", async (HttpContext http) =>
        {
            http.Response.Headers.ContentEncoding = "gzip";
            await http.Response.Body.WriteAsync("this is not gzip at all, not even close"u8.ToArray(), http.RequestAborted);
        });
        app.MapGet("/bomb", async (HttpContext http) =>
        {
            http.Response.Headers.ContentEncoding = "gzip";
            http.Response.ContentType = "application/rss+xml";
            await http.Response.Body.WriteAsync(Bomb.Value, http.RequestAborted);
        });
        app.MapGet("/endless", async (HttpContext http) =>
        {
            // 64 KiB at a time until the client leaves, bounded at 1 GiB.
            http.Response.ContentType = "application/rss+xml";
            for (var i = 0; i < 16 * 1024 && !http.RequestAborted.IsCancellationRequested; i++)
            {
                await http.Response.Body.WriteAsync(Zeros, http.RequestAborted);
            }
        });
        app.MapGet("/big-declared", async (HttpContext http) =>
        {
            // Claims 10 MiB, sends 64 KiB and hangs up: a client that trusts the header stops before reading.
            http.Response.ContentLength = 10 * 1024 * 1024;
            await http.Response.Body.WriteAsync(Zeros, http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        });
        app.MapGet("/count/{key}", async (HttpContext http, string key, int? hold) =>
        {
            var probe = ProbeFor(key);
            probe.Enter();
            try
            {
                await Task.Delay(hold ?? 0, http.RequestAborted);
            }
            finally
            {
                probe.Leave();
            }

            return Results.Text("counted");
        });
    }

    private static IResult Validated(HttpContext http, bool matches, string header, string value)
    {
        http.Response.Headers[header] = value;
        return matches ? Results.StatusCode(304) : Results.Text("<rss/>", "application/rss+xml");
    }

    private static IResult Redirect(HttpContext http, int code, string location)
    {
        http.Response.Headers.Location = location;
        return Results.StatusCode(code);
    }

    private static async Task Encoded(HttpContext http, string encoding, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        await using (var compressed = compressor(buffer))
        {
            await compressed.WriteAsync(Encoding.UTF8.GetBytes(Compressible));
        }

        http.Response.Headers.ContentEncoding = encoding;
        http.Response.ContentType = "text/plain";
        await http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted);
    }

    /// <summary>The text /gzip and /brotli serve, compressed.</summary>
    public static string Compressible { get; } = string.Concat(Enumerable.Repeat("compressed news ", 500));

    private static byte[] Compress(long zeros)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
        {
            for (long written = 0; written < zeros; written += Zeros.Length)
            {
                gzip.Write(Zeros);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Counts of one /count endpoint, safe to read while requests run.</summary>
    public sealed class Probe
    {
        private readonly Lock _lock = new();
        private readonly List<TimeSpan> _starts = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _active;

        public int Hits { get { lock (_lock) { return _starts.Count; } } }
        public int MostAtOnce { get; private set; }
        public IReadOnlyList<TimeSpan> Starts { get { lock (_lock) { return [.. _starts]; } } }

        public void Enter()
        {
            lock (_lock)
            {
                _starts.Add(_clock.Elapsed);
                _active++;
                MostAtOnce = Math.Max(MostAtOnce, _active);
            }
        }

        public void Leave()
        {
            lock (_lock)
            {
                _active--;
            }
        }
    }
}
