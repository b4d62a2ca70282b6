using Lede.Records;

namespace Lede.Storage.Sqlite;

/// <summary>Article types as the database holds them.</summary>
internal static class StoredType
{
    public static string Format(ArticleType type) => RecordWriter.FormatType(type);

    public static ArticleType Parse(string text) => text == "video" ? ArticleType.Video : ArticleType.Article;
}
