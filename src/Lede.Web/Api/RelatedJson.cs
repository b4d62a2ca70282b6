using Lede.Records;

namespace Lede.Web.Api;

/// <summary>One entry of an article's other coverage.</summary>
public sealed record RelatedJson(
    string Title, string Excerpt, DateTime PublishedDateTime, string WebUrl, string? AmpWebUrl, string? CdnAmpWebUrl,
    string Type, ProviderRef Provider, int Quality, IReadOnlyList<RecordImage> Images)
{
    public static RelatedJson From(RelatedEntry r) => new(
        r.Title, r.Excerpt, r.PublishedDateTime, r.WebUrl, r.AmpWebUrl, r.CdnAmpWebUrl, RecordWriter.FormatType(r.Type), r.Provider, r.Quality, r.Images);
}
