using Lede.Records;
using Lede.Store;

namespace Lede.Web.Api;

/// <summary>An article as the public JSON API shows it: the record's public fields, never its secured payload.</summary>
public sealed record ArticleJson(
    string Id,
    string Title,
    string Excerpt,
    DateTime PublishedDateTime,
    string WebUrl,
    string? AmpWebUrl,
    string? CdnAmpWebUrl,
    string Type,
    int Quality,
    int Heat,
    ProviderRef Provider,
    IReadOnlyList<string> Topics,
    IReadOnlyList<RecordImage> Images,
    IReadOnlyList<RelatedJson> Related)
{
    public static ArticleJson From(StoredRecord stored)
    {
        var r = stored.Record;
        return new ArticleJson(
            stored.Id.ToString(), r.Title, r.Excerpt, r.PublishedDateTime, r.WebUrl, r.AmpWebUrl, r.CdnAmpWebUrl,
            RecordWriter.FormatType(r.Type), r.Quality, r.Heat, r.Provider, r.Topics, r.Images,
            [.. r.Related.Select(RelatedJson.From)]);
    }
}
