using System.Text.Encodings.Web;
using System.Text.Json;
using Lede.Store;
using Lede.Web.Api;
using Microsoft.AspNetCore.Http.Json;

namespace Lede.Web;

/// <summary>Builds Lede's web server over a store: for now the public JSON API and a health check.</summary>
public static class LedeWeb
{
    /// <value>Default: loopback only; serving other hosts is an explicit choice.</value>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(IStore store, string url)
    {
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

        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.MapGet("/healthz", () => "ok");
        app.MapArticles();
        return app;
    }
}
