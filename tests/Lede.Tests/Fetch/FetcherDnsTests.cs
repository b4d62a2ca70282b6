using System.Net;
using Lede.Fetch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lede.Tests.Fetch;

/// <summary>A host whose address changes under a long-running fetcher (catalogue N11): the pooled connection ends, the name is resolved again, the guard checks the new address.</summary>
/// <remarks>Two servers on one port of two loopback addresses stand for the old and the new address; the test's resolver says which one the name has.</remarks>
public sealed class FetcherDnsTests : IAsyncLifetime
{
    private readonly List<WebApplication> _apps = [];
    private IPAddress _address = IPAddress.Parse("127.0.0.1");
    private int _port;

    public async Task InitializeAsync()
    {
        _port = (await StartAsync("127.0.0.1", 0, "old")).Port;
        await StartAsync("127.0.0.2", _port, "new");
        await StartAsync("127.0.0.3", _port, "forbidden");
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
    }

    private async Task<Uri> StartAsync(string address, int port, string answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{address}:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => Results.Text(answer));
        await app.StartAsync();
        _apps.Add(app);
        return new Uri(app.Urls.Single());
    }

    private Fetcher Fetcher(TimeSpan lifetime)
    {
        // Everything on loopback is allowed but 127.0.0.3, which stands for a private address the name turns to.
        var guard = new ConnectGuard(
            a => a.Equals(IPAddress.Parse("127.0.0.3")) ? "forbidden here" : null,
            (_, _) => Task.FromResult(new[] { Volatile.Read(ref _address) }));
        return new Fetcher(Loopback.Options with { ConnectionLifetime = lifetime }, TimeProvider.System, guard);
    }

    private async Task<string> AnswerAsync(Fetcher fetcher)
        => System.Text.Encoding.UTF8.GetString((await fetcher.GetAsync(new Uri($"http://feeds.test:{_port}/"))).Body);

    [Fact]
    public async Task A_connection_past_its_lifetime_is_dialled_again_to_the_new_address()
    {
        using var renewing = Fetcher(TimeSpan.FromSeconds(1));
        using var keeping = Fetcher(TimeSpan.FromMinutes(5));
        (await AnswerAsync(renewing)).ShouldBe("old");
        (await AnswerAsync(keeping)).ShouldBe("old");

        Volatile.Write(ref _address, IPAddress.Parse("127.0.0.2"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        (await AnswerAsync(renewing)).ShouldBe("new");
        // Within its lifetime a pooled connection still talks to the old address: the lifetime is what bounds that.
        (await AnswerAsync(keeping)).ShouldBe("old");
    }

    [Fact]
    public async Task A_name_that_turns_to_a_forbidden_address_is_refused_once_the_connection_is_renewed()
    {
        using var fetcher = Fetcher(TimeSpan.FromSeconds(1));
        (await AnswerAsync(fetcher)).ShouldBe("old");

        Volatile.Write(ref _address, IPAddress.Parse("127.0.0.3"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var e = await Should.ThrowAsync<FetchException>(() => AnswerAsync(fetcher));
        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldContain("feeds.test resolves to 127.0.0.3, which is forbidden here");
    }
}
