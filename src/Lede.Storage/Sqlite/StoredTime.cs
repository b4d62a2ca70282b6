using System.Globalization;
using Lede.Records;

namespace Lede.Storage.Sqlite;

/// <summary>Times as the database holds them: the record's own UTC text.</summary>
internal static class StoredTime
{
    public static string Format(DateTime utc) => RecordWriter.FormatTime(utc);

    public static DateTime Parse(string text)
        => DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
