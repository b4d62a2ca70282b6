using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lede.Tests.Enrich;

/// <summary>Kestrel on 127.0.0.1 serving good images, lies about types, a huge declared size, an over-limit body and an SVG.</summary>
public sealed class ImageServer : IAsyncLifetime
{
    public static readonly byte[] GoodPng = TestImages.Png(64, 48);
    public static readonly byte[] GoodJpeg = TestImages.Jpeg(320, 180, exif: true);

    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Url(string path) => new(BaseUrl, path);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/good.png", () => Results.Bytes(GoodPng, "image/png"));
        // The server lies: a JPEG labelled as PNG is still a JPEG.
        _app.MapGet("/good.jpg", () => Results.Bytes(GoodJpeg, "image/png"));
        _app.MapGet("/page.jpg", () => Results.Bytes("<!DOCTYPE html><html><body>Not found</body></html>"u8.ToArray(), "image/jpeg"));
        _app.MapGet("/huge.png", () => Results.Bytes(TestImages.Png(1, 1).Select((b, i) => i is >= 16 and < 24 ? (byte)(i is 18 or 22 ? 0x40 : 0) : b).ToArray(), "image/png"));
        _app.MapGet("/oversize.jpg", () => Results.Bytes([.. TestImages.Jpeg(8, 8), .. new byte[11 * 1024 * 1024]], "image/jpeg"));
        _app.MapGet("/logo.svg", () => Results.Bytes(TestImages.Svg(), "image/svg+xml"));
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
