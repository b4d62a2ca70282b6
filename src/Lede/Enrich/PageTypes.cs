namespace Lede.Enrich;

/// <summary>The values of <see cref="PageFacts.Type"/>, as the record format writes them.</summary>
public static class PageTypes
{
    public const string Article = "article";
    public const string Video = "video";
}
