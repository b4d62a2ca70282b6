namespace Lede.Records;

/// <summary>What kind of page an article is.</summary>
public enum ArticleType
{
    Article,
    Video,
}
