using Lede.Fetch;

namespace Lede.Tests.Fetch;

public sealed class MirrorFetcherTests
{
    private static readonly Uri Mirror = new("http://127.0.0.1:4000/");

    /// <summary>Answers every request with the URL it was asked for, as a redirect target would.</summary>
    private sealed class EchoFetcher(Func<Uri, FetchResponse> answer) : IFetcher
    {
        public List<Uri> Asked { get; } = [];

        public Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken ct)
        {
            Asked.Add(request.Url);
            return Task.FromResult(answer(request.Url));
        }
    }

    [Fact]
    public async Task A_mirrored_host_is_fetched_from_the_mirror_and_reported_under_its_real_url()
    {
        var inner = new EchoFetcher(u => new FetchResponse(u, new Uri("http://127.0.0.1:4000/www.example.com/moved?x=1"), 200, [1], "text/html", null, null,
            new Uri("http://127.0.0.1:4000/www.example.com/moved?x=1")));
        var fetcher = new MirrorFetcher(inner, Mirror, new HashSet<string>(["www.example.com"], StringComparer.OrdinalIgnoreCase));

        var response = await fetcher.FetchAsync(new FetchRequest(new Uri("https://www.example.com/a/b/?q=2"), FetchKind.Page), default);

        inner.Asked.Single().ShouldBe(new Uri("http://127.0.0.1:4000/www.example.com/a/b/?q=2"));
        response.Url.ShouldBe(new Uri("https://www.example.com/a/b/?q=2"));
        response.FinalUrl.ShouldBe(new Uri("https://www.example.com/moved?x=1"));
        response.MovedTo.ShouldBe(new Uri("https://www.example.com/moved?x=1"));
    }

    [Fact]
    public async Task A_host_outside_the_mirror_is_refused_without_a_request()
    {
        var inner = new EchoFetcher(_ => throw new InvalidOperationException("must not be called"));
        var fetcher = new MirrorFetcher(inner, Mirror, new HashSet<string>(["www.example.com"], StringComparer.Ordinal));

        var e = await Should.ThrowAsync<FetchException>(() => fetcher.FetchAsync(new FetchRequest(new Uri("https://elsewhere.org/"), FetchKind.Feed), default));

        e.Failure.ShouldBe(FetchFailure.Blocked);
        inner.Asked.ShouldBeEmpty();
    }
}
