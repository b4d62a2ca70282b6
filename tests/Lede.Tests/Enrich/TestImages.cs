using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Lede.Tests.Enrich;

/// <summary>Tiny images written byte by byte: real decodable PNG, GIF and JPEG, and well-formed WebP/AVIF/BMP/ICO headers.</summary>
public static class TestImages
{
    /// <summary>A flat-colour RGB PNG with correct CRCs and zlib data.</summary>
    public static byte[] Png(int width, int height)
    {
        var raw = new byte[(1 + (3 * width)) * height];
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(raw);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2;
        return [0x89, .. "PNG\r\n\u001a\n"u8, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", compressed.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A flat grey baseline JPEG (every 8×8 block is "DC diff 0, EOB"), optionally with an EXIF APP1 before the frame, or marked progressive (SOF2, header only).</summary>
    public static byte[] Jpeg(int width, int height, bool exif = false, bool progressive = false)
    {
        var o = new List<byte> { 0xFF, 0xD8 };
        Segment(o, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (exif)
        {
            // An EXIF block whose bytes look like markers (FF C0) must be skipped by length, not scanned.
            Segment(o, 0xE1, [.. "Exif\0\0MM\0*"u8, 0, 0, 0, 8, 0xFF, 0xC0, 0, 17, 8, 0x7F, 0x7F, 0x7F, 0x7F, .. new byte[40]]);
        }

        Segment(o, 0xDB, [0, 8, .. Enumerable.Repeat((byte)1, 63)]);
        Segment(o, progressive ? (byte)0xC2 : (byte)0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        Segment(o, 0xC4, [0, 1, 1, .. new byte[14], 0, 7]);
        Segment(o, 0xC4, [0x10, 1, .. new byte[15], 0]);
        Segment(o, 0xDA, [1, 1, 0, 0, 0x3F, 0]);
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        var bits = new StringBuilder("10" + Convert.ToString(100, 2).PadLeft(7, '0') + "0");
        for (var i = 1; i < blocks; i++) bits.Append("00");
        while (bits.Length % 8 != 0) bits.Append('1');
        for (var i = 0; i < bits.Length; i += 8)
        {
            var b = Convert.ToByte(bits.ToString(i, 8), 2);
            o.Add(b);
            if (b == 0xFF) o.Add(0);
        }

        o.AddRange([0xFF, 0xD9]);
        return [.. o];
    }

    /// <summary>A one-colour GIF89a (the classic 43-byte GIF) with the given logical screen size.</summary>
    public static byte[] Gif(int width, int height)
        =>
        [
            .. "GIF89a"u8, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0,
            0, 0, 0, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 4, 1, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B,
        ];

    public static byte[] WebPLossy(int width, int height)
        => Riff("VP8 ", [0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, (byte)width, (byte)((width >> 8) & 0x3F), (byte)height, (byte)((height >> 8) & 0x3F), .. new byte[8]]);

    public static byte[] WebPLossless(int width, int height)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        return Riff("VP8L", [0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), .. new byte[8]]);
    }

    public static byte[] WebPExtended(int width, int height)
        => Riff("VP8X", [0x10, 0, 0, 0, (byte)(width - 1), (byte)((width - 1) >> 8), (byte)((width - 1) >> 16), (byte)(height - 1), (byte)((height - 1) >> 8), (byte)((height - 1) >> 16)]);

    /// <summary>An AVIF skeleton: ftyp, then meta with pitm, and iprp holding a thumbnail ispe first and the primary item's ispe second.</summary>
    public static byte[] Avif(int width, int height, string brand = "avif", bool withPrimary = true)
    {
        var ftyp = Box("ftyp", [.. Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0, .. "mif1miaf"u8]);
        var ispeThumb = Box("ispe", [0, 0, 0, 0, .. U32(64), .. U32(48)]);
        var ispeMain = Box("ispe", [0, 0, 0, 0, .. U32(width), .. U32(height)]);
        // ipma v0: item 2 → property 1 (thumbnail), item 1 → property 2 (essential bit set).
        var ipma = Box("ipma", [0, 0, 0, 0, .. U32(2), 0, 2, 1, 0x01, 0, 1, 1, 0x82]);
        var iprp = Box("iprp", [.. Box("ipco", [.. ispeThumb, .. ispeMain]), .. ipma]);
        byte[] pitm = withPrimary ? Box("pitm", [0, 0, 0, 0, 0, 1]) : [];
        var meta = Box("meta", [0, 0, 0, 0, .. Box("hdlr", [0, 0, 0, 0, 0, 0, 0, 0, .. "pict"u8, .. new byte[13]]), .. pitm, .. iprp]);
        return [.. ftyp, .. meta, .. Box("mdat", [1, 2, 3])];
    }

    public static byte[] Bmp(int width, int height)
    {
        var b = new byte[54];
        "BM"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(2), 54);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(22), -height);
        return b;
    }

    public static byte[] Ico() => [0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0];

    public static byte[] Svg() => "\uFEFF<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray();

    private static byte[] Riff(string chunk, byte[] data)
        => [.. "RIFF"u8, .. U32Le(4 + 8 + data.Length), .. "WEBP"u8, .. Encoding.ASCII.GetBytes(chunk), .. U32Le(data.Length), .. data];

    private static byte[] Box(string type, byte[] body) => [.. U32(8 + body.Length), .. Encoding.ASCII.GetBytes(type), .. body];

    private static byte[] U32(int v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    private static byte[] U32Le(int v) => [(byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24)];

    private static void Segment(List<byte> o, byte marker, byte[] body)
    {
        o.AddRange([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)]);
        o.AddRange(body);
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        return [.. U32(data.Length), .. typed, .. U32((int)Crc32(typed))];
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }
}
