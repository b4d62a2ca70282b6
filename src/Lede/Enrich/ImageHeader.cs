using System.Buffers.Binary;

namespace Lede.Enrich;

/// <summary>Reads an image's type and size from its first bytes, by hand: no image library, no decoding.</summary>
/// <remarks>
/// Every read is bounds-checked: truncated, hostile or random bytes give <c>false</c> or <see cref="ImageFormat.Unknown"/>, never an exception.
/// JPEG orientation (EXIF) is not applied: the size is the stored one.
/// </remarks>
public static partial class ImageHeader
{
    /// <summary>The format the magic bytes name, or <see cref="ImageFormat.Unknown"/>.</summary>
    public static ImageFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return ImageFormat.Jpeg;
        if (bytes.StartsWith(PngSignature)) return ImageFormat.Png;
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return ImageFormat.Gif;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        if (IsAvif(bytes)) return ImageFormat.Avif;
        if (bytes.Length >= 6 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1 && bytes[3] == 0 && (bytes[4] | bytes[5]) != 0) return ImageFormat.Ico;
        if (bytes.Length >= 26 && bytes[0] == (byte)'B' && bytes[1] == (byte)'M') return ImageFormat.Bmp;
        if (LooksLikeSvg(bytes)) return ImageFormat.Svg;
        return ImageFormat.Unknown;
    }

    /// <summary>Reads the format and pixel size; false when the bytes are not a known image or its header is cut or invalid.</summary>
    /// <remarks>SVG has no pixel size: it is sniffed but never read.</remarks>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out ImageSize size)
    {
        var format = Sniff(bytes);
        (int W, int H)? read = format switch
        {
            ImageFormat.Jpeg => ReadJpeg(bytes),
            ImageFormat.Png => ReadPng(bytes),
            ImageFormat.Gif => ReadGif(bytes),
            ImageFormat.WebP => ReadWebP(bytes),
            ImageFormat.Avif => ReadAvif(bytes),
            ImageFormat.Ico => ReadIco(bytes),
            ImageFormat.Bmp => ReadBmp(bytes),
            _ => null,
        };
        if (read is { W: > 0, H: > 0 } r)
        {
            size = new ImageSize(format, r.W, r.H);
            return true;
        }

        size = default;
        return false;
    }

    /// <summary>The file extension Lede stores a format under (without the dot).</summary>
    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Png => "png",
        ImageFormat.Gif => "gif",
        ImageFormat.WebP => "webp",
        ImageFormat.Avif => "avif",
        ImageFormat.Svg => "svg",
        ImageFormat.Ico => "ico",
        ImageFormat.Bmp => "bmp",
        _ => "bin",
    };

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static (int, int)? ReadPng(ReadOnlySpan<byte> b)
    {
        // Signature, then the first chunk must be IHDR: length (13), type, width, height (big-endian).
        if (b.Length < 24 || !b.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        return Checked(BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]));
    }

    private static (int, int)? ReadGif(ReadOnlySpan<byte> b)
        => b.Length < 10 ? null : (BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));

    private static (int, int)? ReadIco(ReadOnlySpan<byte> b)
        // The first directory entry: a width or height byte of 0 means 256.
        => b.Length < 8 ? null : (b[6] == 0 ? 256 : b[6], b[7] == 0 ? 256 : b[7]);

    private static (int, int)? ReadBmp(ReadOnlySpan<byte> b)
    {
        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(b[14..]);
        if (headerSize == 12) return b.Length < 22 ? null : (BinaryPrimitives.ReadUInt16LittleEndian(b[18..]), BinaryPrimitives.ReadUInt16LittleEndian(b[20..]));
        // Height is negative for top-down bitmaps.
        var width = BinaryPrimitives.ReadInt32LittleEndian(b[18..]);
        var height = BinaryPrimitives.ReadInt32LittleEndian(b[22..]);
        return width <= 0 || height is 0 or int.MinValue ? null : (width, Math.Abs(height));
    }

    private static (int, int)? Checked(uint width, uint height)
        => width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : ((int)width, (int)height);

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        head = head.TrimStart(" \t\r\n"u8);
        if (head.IsEmpty || head[0] != (byte)'<') return false;
        return ContainsIgnoreCase(head, "<svg"u8);
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
            {
                match = (haystack[i + j] | 0x20) == (needle[j] | 0x20);
            }

            if (match) return true;
        }

        return false;
    }
}
