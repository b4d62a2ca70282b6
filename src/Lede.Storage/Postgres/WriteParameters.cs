using Lede.Records;
using Lede.Storage.Sqlite;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

/// <summary>The parameters of one article's write: its columns, and its children as parallel arrays for <c>unnest</c>.</summary>
internal static class WriteParameters
{
    public static object Of(long key, ArticleRecord r, SealedPayload? seal, ArticleAnalysis? analysis)
    {
        var relatedImages = r.Related.SelectMany((entry, position) => entry.Images.Select((image, i) => (position, i, image))).ToList();
        return new
        {
            Id = key,
            Category = T.Encode(r.Category),
            Title = T.Encode(r.Title),
            Excerpt = T.Encode(r.Excerpt),
            PublishedAt = PostgresTime.Write(r.PublishedDateTime),
            OriginalUrl = T.Encode(r.OriginalUrl),
            WebUrl = T.Encode(r.WebUrl),
            AmpWebUrl = T.Encode(r.AmpWebUrl),
            CdnAmpWebUrl = T.Encode(r.CdnAmpWebUrl),
            Type = StoredType.Format(r.Type),
            r.Quality,
            r.Heat,
            r.Published,
            ProviderDomain = T.Encode(r.Provider.Domain),
            ProviderName = T.Encode(r.Provider.Name),
            SecuredCiphertext = T.Encode(r.Secured?.Ciphertext),
            SecuredIv = T.Encode(r.Secured?.Iv),
            SecuredKeyId = T.Encode(seal?.KeyId),
            SecuredMac = T.Encode(seal?.Mac),
            SecuredVerified = seal is not null,
            Body = T.Encode(r.Body),
            SearchTopics = T.Encode(string.Join(' ', r.Topics)),
            Topics = T.EncodeAll(r.Topics),
            ImageUrls = T.EncodeAll(r.Images.Select(i => i.Url)),
            ImageWidths = r.Images.Select(i => i.Width).ToArray(),
            ImageHeights = r.Images.Select(i => i.Height).ToArray(),
            ImageCached = r.Images.Select(i => i.IsCached).ToArray(),
            RelatedTitles = T.EncodeAll(r.Related.Select(e => e.Title)),
            RelatedExcerpts = T.EncodeAll(r.Related.Select(e => e.Excerpt)),
            RelatedTimes = r.Related.Select(e => PostgresTime.Write(e.PublishedDateTime)).ToArray(),
            RelatedWebUrls = T.EncodeAll(r.Related.Select(e => e.WebUrl)),
            RelatedAmpUrls = r.Related.Select(e => T.Encode(e.AmpWebUrl)).ToArray(),
            RelatedCdnUrls = r.Related.Select(e => T.Encode(e.CdnAmpWebUrl)).ToArray(),
            RelatedTypes = r.Related.Select(e => StoredType.Format(e.Type)).ToArray(),
            RelatedProviderNames = T.EncodeAll(r.Related.Select(e => e.Provider.Name)),
            RelatedProviderDomains = T.EncodeAll(r.Related.Select(e => e.Provider.Domain)),
            RelatedQualities = r.Related.Select(e => e.Quality).ToArray(),
            RelatedImageOf = relatedImages.Select(x => x.position).ToArray(),
            RelatedImagePositions = relatedImages.Select(x => x.i).ToArray(),
            RelatedImageUrls = T.EncodeAll(relatedImages.Select(x => x.image.Url)),
            RelatedImageWidths = relatedImages.Select(x => x.image.Width).ToArray(),
            RelatedImageHeights = relatedImages.Select(x => x.image.Height).ToArray(),
            RelatedImageCached = relatedImages.Select(x => x.image.IsCached).ToArray(),
            Urls = T.EncodeAll(new[] { r.WebUrl, r.OriginalUrl, r.AmpWebUrl }.OfType<string>().Distinct(StringComparer.Ordinal)),
            Story = analysis?.StoryId,
            DuplicateOf = analysis?.DuplicateOf?.ToInt64(),
            Explain = T.Encode(analysis?.Explain),
            HeatWhy = T.Encode(analysis?.StoryHeatWhy),
            Absorbed = analysis?.AbsorbedStories?.ToArray() ?? [],
        };
    }
}
