using Lede.Records;

namespace Lede.Storage.Postgres;

/// <summary>A row of <c>article_image</c> or <c>related_snapshot_image</c>; the URL still escaped.</summary>
internal sealed class ImageRow
{
    public const string Columns = "url, width, height, is_cached";

    public long ArticleId { get; init; }
    public int RelatedPosition { get; init; }
    public string Url { get; init; } = "";
    public int? Width { get; init; }
    public int? Height { get; init; }
    public bool IsCached { get; init; }

    public RecordImage ToImage() => new(PostgresText.Decode(Url), Width, Height, IsCached);
}
