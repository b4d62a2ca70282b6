using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lede.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lede.Tests.Fetch;

/// <summary>N8: certificates no client should trust. The fetcher has no switch to accept them: each handshake fails as a network error.</summary>
public sealed class FetcherTlsTests : IDisposable
{
    private readonly Fetcher _fetcher = Loopback.Fetcher();

    public void Dispose() => _fetcher.Dispose();

    [Theory]
    [InlineData("self-signed, valid dates, right host", "CN=127.0.0.1", -1, 1)]
    [InlineData("self-signed and expired", "CN=127.0.0.1", -10, -1)]
    [InlineData("self-signed for another host", "CN=elsewhere.example", -1, 1)]
    public async Task An_untrusted_certificate_fails_the_fetch_and_the_server_never_answers(string what, string subject, int fromDays, int toDays)
    {
        var hits = 0;
        using var certificate = SelfSigned(subject, fromDays, toDays);
        await using var app = await StartAsync(certificate, () => Interlocked.Increment(ref hits));

        var e = await _fetcher.FailAsync(new Uri(app.Urls.Single() + "/feed"));

        e.Failure.ShouldBe(FetchFailure.Network, what);
        e.Message.ShouldContain("SSL", Case.Insensitive);
        hits.ShouldBe(0);
    }

    private static X509Certificate2 SelfSigned(string subject, int fromDays, int toDays)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(subject[3..]);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(fromDays), DateTimeOffset.UtcNow.AddDays(toDays));
        // Through PKCS#12 so that the private key is one Kestrel can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private static async Task<WebApplication> StartAsync(X509Certificate2 certificate, Action hit)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        builder.WebHost.UseUrls("https://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/feed", () =>
        {
            hit();
            return Results.Text("<rss/>", "application/rss+xml");
        });
        await app.StartAsync();
        return app;
    }
}
