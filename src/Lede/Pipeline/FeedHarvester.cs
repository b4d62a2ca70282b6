using Lede.Fetch;
using Lede.Normalize;
using Lede.Parse;
using Lede.Sources;
using Lede.Store;
using Lede.Text;

namespace Lede.Pipeline;

/// <summary>The first steps of a source's way, shared by <c>lede crawl</c> and <c>lede worker</c>: fetch and parse its feed, keep the items Lede does not hold.</summary>
public sealed class FeedHarvester(IStore store, IFetcher fetcher, Func<FeedInput, ParseResult> parse, TimeProvider clock)
{
    /// <summary>Fetches (conditionally) and parses <paramref name="source"/>'s feed; fetch and parse failures are outcomes, not exceptions.</summary>
    public async Task<FeedRead> ReadAsync(Source source, CancellationToken ct)
    {
        FetchResponse response;
        try
        {
            var request = new FetchRequest(new Uri(source.Url), FetchKind.Feed, source.State.ETag, source.State.LastModified);
            response = await fetcher.FetchAsync(request, ct).ConfigureAwait(false);
        }
        catch (FetchException e)
        {
            return new FeedRead(new FetchOutcome.FetchFailed(e), null, [], e.Message);
        }

        if (response.NotModified)
        {
            return new FeedRead(new FetchOutcome.NotModified(response), null, [], null);
        }

        var parsed = parse(new FeedInput(response.Body, response.ContentType, response.FinalUrl));
        var warnings = parsed.Warnings.Select(w => $"{w.Kind}: {w.Message}").ToList();
        if (parsed.Feed is not { } feed)
        {
            var error = parsed.Error ?? "no feed found";
            return new FeedRead(new FetchOutcome.ParseFailed(response, error), null, warnings, $"{LogText.Url(source.Url)} is not a feed Lede can read: {LogText.Line(error)}");
        }

        var times = feed.Items.Select(i => i.Published ?? i.Updated).OfType<DateTime>().ToList();
        return new FeedRead(new FetchOutcome.Fetched(response, times), feed, warnings, null);
    }

    /// <summary>The feed's items that no stored article is known by (under their link or its canonical form), once each; returns them with how many were known.</summary>
    /// <param name="source">The source the feed came from.</param>
    /// <param name="feed">Its parsed feed.</param>
    /// <param name="warnings">Receives items that cannot become articles (no http(s) link).</param>
    /// <param name="ct">Cancels the look-ups.</param>
    public async Task<(IReadOnlyList<FreshItem> Fresh, int Known)> FreshItemsAsync(Source source, Feed feed, ICollection<string> warnings, CancellationToken ct)
    {
        var seenAt = clock.GetUtcNow().UtcDateTime;
        var feedTitle = source.Title ?? Text.HtmlText.ToPlain(feed.Title);
        var fresh = new List<FreshItem>();
        var known = 0;
        foreach (var item in feed.Items)
        {
            var (record, problem) = FeedItemNormalizer.ToRecord(item, feed, source.Title, seenAt);
            if (record is null)
            {
                warnings.Add($"content: {problem}");
            }
            else if (await IsKnownAsync(record.OriginalUrl, record.WebUrl, ct).ConfigureAwait(false))
            {
                known++;
            }
            else if (fresh.TrueForAll(f => f.Feed.WebUrl != record.WebUrl))
            {
                fresh.Add(new FreshItem(record, feedTitle, item.Description ?? item.Content, (item.Published ?? item.Updated) is not null));
            }
        }

        return (fresh, known);
    }

    /// <summary>Whether an article is already held under the item's link as given, or in canonical form.</summary>
    private async Task<bool> IsKnownAsync(string link, string webUrl, CancellationToken ct)
    {
        if (await store.FindArticleByUrlAsync(link, ct).ConfigureAwait(false) is not null)
        {
            return true;
        }

        var canonical = UrlCanonicalizer.Canonicalize(webUrl).Url;
        return canonical is not null && canonical != link && await store.FindArticleByUrlAsync(canonical, ct).ConfigureAwait(false) is not null;
    }
}
