using Lede.Classify;
using Lede.Enrich;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;

namespace Lede.Pipeline;

/// <summary>Turns a new feed item into the article Lede stores: enrich (page), normalize, cache the lead image, seal the full text.</summary>
/// <param name="normalizer">Feed + page facts → record.</param>
/// <param name="pages">Reads article pages; null keeps the feed's facts only.</param>
/// <param name="images">Caches lead images; null leaves them uncached.</param>
/// <param name="box">Seals the full text; null means no key, and the full text is not kept.</param>
/// <param name="topics">Classifies into the desk's taxonomy; null keeps the topics the feed gave.</param>
public sealed class ArticleBuilder(ArticleNormalizer normalizer, PageEnricher? pages, ImageCache? images, SecuredBox? box, TopicClassifier? topics = null)
{
    /// <summary>Feed facts only: no page fetches, no image cache, no full text.</summary>
    public static ArticleBuilder FeedOnly() => new(ArticleNormalizer.Default(), null, null, null);

    /// <summary>Whether full text is kept (a key is present).</summary>
    public bool KeepsFullText => box is not null;

    /// <summary>The item's page, or null (no enricher, or the page could not be read: the reason is a warning).</summary>
    public Task<EnrichedPage?> ReadPageAsync(ArticleRecord feed, ICollection<string> warnings, CancellationToken ct)
        => pages is null || !Uri.TryCreate(feed.OriginalUrl, UriKind.Absolute, out var url)
            ? Task.FromResult<EnrichedPage?>(null)
            : pages.EnrichAsync(url, warnings, ct);

    /// <inheritdoc cref="ArticleNormalizer.Observe"/>
    public void Observe(ArticleRecord feed, string? feedDescription, EnrichedPage? page) => normalizer.Observe(feed, feedDescription, page);

    /// <summary>The record to store, its sealed payload when a key is present, and what the story stages need.</summary>
    /// <param name="feed">The record with what the feed gave.</param>
    /// <param name="feedTitle">The source's or feed's title.</param>
    /// <param name="feedDescription">The item's description as the feed wrote it.</param>
    /// <param name="feedHasDate">Whether the feed gave the item a date (else its date is when Lede saw it).</param>
    /// <param name="page">The item's page, or null.</param>
    /// <param name="warnings">Receives what was doubtful or repaired.</param>
    /// <param name="ct">Cancels image fetches.</param>
    public async Task<BuiltArticle> BuildAsync(
        ArticleRecord feed, string? feedTitle, string? feedDescription, bool feedHasDate, EnrichedPage? page, ICollection<string> warnings, CancellationToken ct)
    {
        var article = normalizer.Normalize(feed, feedTitle, feedDescription, page);
        foreach (var warning in article.Warnings)
        {
            warnings.Add(warning);
        }

        var record = article.Record with { Images = await CacheAsync(article.Record.Images, warnings, ct).ConfigureAwait(false) };
        TopicClassification? classification = null;
        if (topics is not null)
        {
            classification = topics.Classify(record.Title, $"{record.Excerpt}\n\n{article.FullText}");
            record = record with { Topics = classification.Labels };
        }

        var facts = new ArticleFacts(article.ProviderTier, article.ExcerptReplaced, article.Authors.Count > 0, feedHasDate || article.PageHasDate, article.RawDescription);
        if (box is null || (article.FullText.Length == 0 && article.Authors.Count == 0 && article.RawDescription is null))
        {
            return new BuiltArticle(record, null, article.FullText, classification, facts);
        }

        var seal = box.Seal(ArticleId.FromUrl(record.WebUrl), new SecuredPayload(article.FullText, article.Authors, article.RawDescription));
        return new BuiltArticle(record with { Secured = seal.Value }, seal, article.FullText, classification, facts);
    }

    /// <summary>Reads the items' pages (<paramref name="parallelism"/> at once; the fetcher keeps each host's limits), lets the boilerplate detector see them all, then builds each article.</summary>
    /// <param name="items">New items, e.g. one feed's.</param>
    /// <param name="parallelism">Pages read at once.</param>
    /// <param name="warnings">Receives, per item, what was doubtful or repaired; one list per item, in order.</param>
    /// <param name="ct">Cancels the fetches.</param>
    public async Task<BuiltArticle[]> BuildAllAsync(IReadOnlyList<FreshItem> items, int parallelism, IReadOnlyList<ICollection<string>> warnings, CancellationToken ct)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct };
        var read = new EnrichedPage?[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options,
            async (i, token) => read[i] = await ReadPageAsync(items[i].Feed, warnings[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        for (var i = 0; i < items.Count; i++)
        {
            Observe(items[i].Feed, items[i].Description, read[i]);
        }

        var built = new BuiltArticle[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), options, async (i, token) => built[i] = await BuildAsync(
            items[i].Feed, items[i].FeedTitle, items[i].Description, items[i].Dated, read[i], warnings[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return built;
    }

    /// <summary>Caches each image; the sizes in its bytes outrank the markup's, and isCached says whether the file is held.</summary>
    private async Task<List<RecordImage>> CacheAsync(IReadOnlyList<RecordImage> chosen, ICollection<string> warnings, CancellationToken ct)
    {
        var result = new List<RecordImage>(chosen.Count);
        foreach (var image in chosen)
        {
            if (images is null || !Uri.TryCreate(image.Url, UriKind.Absolute, out var url))
            {
                result.Add(image with { IsCached = false });
                continue;
            }

            var cached = await images.CacheAsync(url, ct).ConfigureAwait(false);
            foreach (var warning in cached.Warnings.Select(w => $"other: image {image.Url}: {w}"))
            {
                warnings.Add(warning);
            }

            result.Add(cached.IsCached
                ? image with { Width = cached.Width ?? image.Width, Height = cached.Height ?? image.Height, IsCached = true }
                : image with { IsCached = false });
        }

        return result;
    }
}
