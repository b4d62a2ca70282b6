using Lede.Storage.Sqlite;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

/// <summary>The parameters of a batch write: every article's columns and children as parallel arrays for <c>unnest</c>.</summary>
internal static class BatchParameters
{
    public static object Of(IReadOnlyList<StoredRecord> articles)
    {
        var records = articles.Select(a => a.Record).ToList();
        var topics = articles.SelectMany(a => a.Record.Topics.Select((name, i) => (a.Id, i, name))).ToList();
        var images = articles.SelectMany(a => a.Record.Images.Select((image, i) => (a.Id, i, image))).ToList();
        var related = articles.SelectMany(a => a.Record.Related.Select((entry, i) => (a.Id, i, entry))).ToList();
        var relatedImages = related.SelectMany(r => r.entry.Images.Select((image, i) => (r.Id, Related: r.i, i, image))).ToList();
        var urls = articles.SelectMany(a => new[] { a.Record.WebUrl, a.Record.OriginalUrl, a.Record.AmpWebUrl }.OfType<string>()
            .Distinct(StringComparer.Ordinal).Select(url => (a.Id, url))).ToList();
        // Each story once: its sightings' span, and the heat (and non-null parts) of the last article saved, as one by one would leave it.
        var stories = articles.Where(a => a.Analysis?.StoryId is not null)
            .GroupBy(a => a.Analysis!.StoryId!.Value)
            .Select(g => (Id: g.Key,
                First: g.Min(a => PostgresTime.Write(a.Record.PublishedDateTime)),
                Last: g.Max(a => PostgresTime.Write(a.Record.PublishedDateTime)),
                Heat: g.Last().Record.Heat,
                Why: g.Select(a => a.Analysis!.StoryHeatWhy).LastOrDefault(w => w is not null)))
            .ToList();
        return new
        {
            Ids = articles.Select(a => a.Id.ToInt64()).ToArray(),
            Categories = T.EncodeAll(records.Select(r => r.Category)),
            Titles = T.EncodeAll(records.Select(r => r.Title)),
            Excerpts = T.EncodeAll(records.Select(r => r.Excerpt)),
            PublishedAts = records.Select(r => PostgresTime.Write(r.PublishedDateTime)).ToArray(),
            OriginalUrls = T.EncodeAll(records.Select(r => r.OriginalUrl)),
            WebUrls = T.EncodeAll(records.Select(r => r.WebUrl)),
            AmpWebUrls = records.Select(r => T.Encode(r.AmpWebUrl)).ToArray(),
            CdnAmpWebUrls = records.Select(r => T.Encode(r.CdnAmpWebUrl)).ToArray(),
            Types = records.Select(r => StoredType.Format(r.Type)).ToArray(),
            Qualities = records.Select(r => r.Quality).ToArray(),
            Heats = records.Select(r => r.Heat).ToArray(),
            Publisheds = records.Select(r => r.Published).ToArray(),
            ProviderDomains = T.EncodeAll(records.Select(r => r.Provider.Domain)),
            ProviderNames = T.EncodeAll(records.Select(r => r.Provider.Name)),
            SecuredCiphertexts = records.Select(r => T.Encode(r.Secured?.Ciphertext)).ToArray(),
            SecuredIvs = records.Select(r => T.Encode(r.Secured?.Iv)).ToArray(),
            SecuredKeyIds = articles.Select(a => T.Encode(a.Seal?.KeyId)).ToArray(),
            SecuredMacs = articles.Select(a => T.Encode(a.Seal?.Mac)).ToArray(),
            SecuredVerifieds = articles.Select(a => a.Seal is not null).ToArray(),
            Bodies = T.EncodeAll(records.Select(r => r.Body)),
            SearchTopics = T.EncodeAll(records.Select(r => string.Join(' ', r.Topics))),
            StoryIds = articles.Select(a => a.Analysis?.StoryId).ToArray(),
            DuplicateOfs = articles.Select(a => a.Analysis?.DuplicateOf?.ToInt64()).ToArray(),
            Explains = articles.Select(a => T.Encode(a.Analysis?.Explain)).ToArray(),
            TopicOf = topics.Select(t => t.Id.ToInt64()).ToArray(),
            TopicPositions = topics.Select(t => t.i).ToArray(),
            TopicNames = T.EncodeAll(topics.Select(t => t.name)),
            ImageOf = images.Select(i => i.Id.ToInt64()).ToArray(),
            ImagePositions = images.Select(i => i.i).ToArray(),
            ImageUrls = T.EncodeAll(images.Select(i => i.image.Url)),
            ImageWidths = images.Select(i => i.image.Width).ToArray(),
            ImageHeights = images.Select(i => i.image.Height).ToArray(),
            ImageCached = images.Select(i => i.image.IsCached).ToArray(),
            RelatedOf = related.Select(r => r.Id.ToInt64()).ToArray(),
            RelatedPositions = related.Select(r => r.i).ToArray(),
            RelatedTitles = T.EncodeAll(related.Select(r => r.entry.Title)),
            RelatedExcerpts = T.EncodeAll(related.Select(r => r.entry.Excerpt)),
            RelatedTimes = related.Select(r => PostgresTime.Write(r.entry.PublishedDateTime)).ToArray(),
            RelatedWebUrls = T.EncodeAll(related.Select(r => r.entry.WebUrl)),
            RelatedAmpUrls = related.Select(r => T.Encode(r.entry.AmpWebUrl)).ToArray(),
            RelatedCdnUrls = related.Select(r => T.Encode(r.entry.CdnAmpWebUrl)).ToArray(),
            RelatedTypes = related.Select(r => StoredType.Format(r.entry.Type)).ToArray(),
            RelatedProviderNames = T.EncodeAll(related.Select(r => r.entry.Provider.Name)),
            RelatedProviderDomains = T.EncodeAll(related.Select(r => r.entry.Provider.Domain)),
            RelatedQualities = related.Select(r => r.entry.Quality).ToArray(),
            RelatedImageOf = relatedImages.Select(i => i.Id.ToInt64()).ToArray(),
            RelatedImageRelated = relatedImages.Select(i => i.Related).ToArray(),
            RelatedImagePositions = relatedImages.Select(i => i.i).ToArray(),
            RelatedImageUrls = T.EncodeAll(relatedImages.Select(i => i.image.Url)),
            RelatedImageWidths = relatedImages.Select(i => i.image.Width).ToArray(),
            RelatedImageHeights = relatedImages.Select(i => i.image.Height).ToArray(),
            RelatedImageCached = relatedImages.Select(i => i.image.IsCached).ToArray(),
            UrlOf = urls.Select(u => u.Id.ToInt64()).ToArray(),
            Urls = T.EncodeAll(urls.Select(u => u.url)),
            Stories = stories.Select(s => s.Id).ToArray(),
            StoryFirsts = stories.Select(s => s.First).ToArray(),
            StoryLasts = stories.Select(s => s.Last).ToArray(),
            StoryHeats = stories.Select(s => s.Heat).ToArray(),
            StoryWhys = stories.Select(s => T.Encode(s.Why)).ToArray(),
            Absorbed = articles.SelectMany(a => a.Analysis?.AbsorbedStories ?? []).Distinct().ToArray(),
        };
    }
}
