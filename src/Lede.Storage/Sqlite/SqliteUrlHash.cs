using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>The 8-byte key <c>article_url</c> finds a URL by (migration 008): a small integer index instead of the URL text.</summary>
/// <remarks>
/// Every lookup compares the URL itself too, so two URLs that share a hash are never confused. SHA-256 rather than a
/// fast hash: URLs come from the web, and chosen collisions would pile many rows onto one key. The same function is
/// registered with SQLite as <c>lede_url_hash(url)</c> (the migration and <c>lede db check</c> use it); SQLite hands a
/// function text only up to its first NUL character, so the hash stops there in .NET as well.
/// </remarks>
internal static class SqliteUrlHash
{
    public const string FunctionName = "lede_url_hash";

    /// <summary>The hash of <paramref name="url"/>: the first 8 bytes of the SHA-256 of its UTF-8, up to any NUL.</summary>
    public static long Of(string url)
    {
        var end = url.IndexOf('\0', StringComparison.Ordinal);
        var text = end < 0 ? url.AsSpan() : url.AsSpan(0, end);
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = length <= 1024 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(text, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..written], hash);
        return BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    /// <summary>Makes <c>lede_url_hash(url)</c> callable on <paramref name="connection"/>.</summary>
    public static void Register(SqliteConnection connection)
        => connection.CreateFunction<string?, long?>(FunctionName, static url => url is null ? null : Of(url), isDeterministic: true);
}
