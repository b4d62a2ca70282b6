using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lede.Normalize;

/// <summary>The stable 64-bit id of an article, written as sixteen lowercase hex digits.</summary>
/// <remarks>Derived from the canonical URL, so the same article always gets the same id.</remarks>
public readonly record struct ArticleId(ulong Value)
{
    /// <summary>The first eight bytes, big-endian, of the SHA-256 of the canonical URL's UTF-8.</summary>
    public static ArticleId FromUrl(string canonicalUrl)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl), hash);
        return new ArticleId(BinaryPrimitives.ReadUInt64BigEndian(hash));
    }

    /// <summary>Reads sixteen lowercase hex digits.</summary>
    public static bool TryParse(string? text, out ArticleId id)
    {
        id = default;
        if (text is not { Length: 16 } || text.Any(c => !char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)))
        {
            return false;
        }

        id = new ArticleId(ulong.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The id as a signed integer, the way databases store 64-bit keys.</summary>
    public long ToInt64() => unchecked((long)Value);

    public static ArticleId FromInt64(long value) => new(unchecked((ulong)value));

    public override string ToString() => Value.ToString("x16", CultureInfo.InvariantCulture);
}
