using Lede.Fetch;

namespace Lede.Tests.Fetch;

public sealed class FetchOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new FetchOptions();

        options.ConnectTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        options.TotalTimeout.ShouldBe(TimeSpan.FromSeconds(20));
        options.MaxRedirects.ShouldBe(5);
        options.MaxBytes(FetchKind.Feed).ShouldBe(15 * 1024 * 1024);
        options.MaxBytes(FetchKind.Page).ShouldBe(5 * 1024 * 1024);
        options.MaxBytes(FetchKind.Image).ShouldBe(10 * 1024 * 1024);
        options.PerHostConcurrency.ShouldBe(2);
        options.PerHostDelay.ShouldBe(TimeSpan.FromSeconds(1));
        options.AllowPrivate.ShouldBeFalse();
        options.UserAgent.ShouldStartWith("Lede/");
        Should.NotThrow(options.Validate);
    }

    public static TheoryData<FetchOptions> Nonsense => new()
    {
        new FetchOptions { TotalTimeout = TimeSpan.Zero },
        new FetchOptions { ConnectTimeout = TimeSpan.FromSeconds(-1) },
        new FetchOptions { MaxRedirects = -1 },
        new FetchOptions { MaxPageBytes = 0 },
        new FetchOptions { PerHostConcurrency = 0 },
        new FetchOptions { PerHostDelay = TimeSpan.FromSeconds(-1) },
        new FetchOptions { UserAgent = " " },
    };

    [Theory]
    [MemberData(nameof(Nonsense))]
    public void Nonsense_values_are_refused_when_the_fetcher_is_made(FetchOptions options)
        => Should.Throw<InvalidOperationException>(() => new Fetcher(options).Dispose()).Message.ShouldStartWith("Fetch option ");
}
