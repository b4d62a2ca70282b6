using Lede.Records;

namespace Lede.Storage.Sqlite;

/// <summary>A row of <c>article_image</c> or <c>related_snapshot_image</c>.</summary>
internal sealed class ImageRow
{
    public const string Columns = "url, width, height, is_cached";

    public long ArticleSeq { get; init; }
    public long RelatedPosition { get; init; }
    public string Url { get; init; } = "";
    public int? Width { get; init; }
    public int? Height { get; init; }
    public bool IsCached { get; init; }

    public RecordImage ToImage() => new(Url, Width, Height, IsCached);
}
