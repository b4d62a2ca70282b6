using Lede.Fetch;

namespace Lede.Enrich;

/// <summary>Fetches an article's page with the safe client and reads its facts and main text.</summary>
/// <remarks>A page that cannot be fetched or read is a warning and a null result: the article keeps its feed's facts.</remarks>
public sealed class PageEnricher(IFetcher fetcher)
{
    /// <summary>The page behind <paramref name="url"/>, or null with the reason in <paramref name="warnings"/>.</summary>
    public async Task<EnrichedPage?> EnrichAsync(Uri url, ICollection<string> warnings, CancellationToken ct)
    {
        FetchResponse response;
        try
        {
            response = await fetcher.FetchAsync(new FetchRequest(url, FetchKind.Page), ct).ConfigureAwait(false);
        }
        catch (FetchException e)
        {
            warnings.Add($"other: page not enriched: {e.Message}");
            return null;
        }

        if (response.ContentType is { } type && !IsHtml(type))
        {
            warnings.Add($"content: page {url} is {type}, not HTML; kept the feed's facts");
            return null;
        }

        var page = HtmlPageLoader.Load(response.Body, response.ContentType);
        foreach (var warning in page.Warnings.Select(w => $"content: {url}: {w}"))
        {
            warnings.Add(warning);
        }

        var facts = PageFactsReader.Read(page.Document, response.FinalUrl);
        var text = ArticleExtractor.Extract(page.Document, response.FinalUrl);
        foreach (var warning in facts.Warnings.Concat(text.Warnings).Select(w => $"content: {url}: {w}"))
        {
            warnings.Add(warning);
        }

        return new EnrichedPage(response.FinalUrl, facts, text);
    }

    private static bool IsHtml(string contentType)
        => contentType.Contains("html", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
}
