using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using Lede.Store;
using Lede.Web.Api;
using Microsoft.AspNetCore.Http.Json;

namespace Lede.Web;

/// <summary>Builds Lede's web server over a store: for now the public JSON API and a health check.</summary>
public static class LedeWeb
{
    /// <value>Default: loopback only; serving other hosts is an explicit choice.</value>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <value>Default: 20 requests a second from one client address, with bursts of up to twice that.</value>
    public const int DefaultRequestsPerSecond = 20;

    /// <summary>The server over a store, not yet started.</summary>
    /// <param name="store">Where the articles are read from.</param>
    /// <param name="url">Where to listen (Kestrel's URL syntax).</param>
    /// <param name="requestsPerSecond">What one client address may ask for; past it (after a burst of twice as many) a request gets 429 with Retry-After; 0 = no limit.</param>
    public static WebApplication Build(IStore store, string url, int requestsPerSecond = DefaultRequestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requestsPerSecond);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(store);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // Feed text is untrusted: keep <, >, & and quotes escaped even inside JSON strings.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Default;
        });
        builder.Services.AddProblemDetails();
        // A flood from one address (a script gone wrong, a scraper) is turned away cheaply instead of queueing store reads.
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => requestsPerSecond == 0
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetTokenBucketLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = 2 * requestsPerSecond,
                        TokensPerPeriod = requestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
        });

        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // M7: no page Lede serves tells an image or link host where its reader came from (kept <img> included).
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.UseRateLimiter();
        app.MapGet("/healthz", () => "ok");
        app.MapArticles();
        return app;
    }
}
