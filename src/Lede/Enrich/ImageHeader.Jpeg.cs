using System.Buffers.Binary;

namespace Lede.Enrich;

public static partial class ImageHeader
{
    /// <summary>Walks the JPEG segments (APPn/EXIF, tables, comments are skipped) to the first SOF marker, baseline or progressive.</summary>
    private static (int, int)? ReadJpeg(ReadOnlySpan<byte> b)
    {
        var p = 2;
        while (p < b.Length)
        {
            if (b[p] != 0xFF) return null;
            // Any number of 0xFF fill bytes may precede a marker.
            while (p < b.Length && b[p] == 0xFF) p++;
            if (p >= b.Length) return null;
            var marker = b[p++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8)) continue;
            // End of image or start of scan before any frame header: no size to be had.
            if (marker is 0xD9 or 0xDA) return null;
            if (p + 2 > b.Length) return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[p..]);
            if (length < 2) return null;
            if (IsStartOfFrame(marker))
            {
                // Segment: length (2), precision (1), height (2), width (2).
                if (p + 7 > b.Length) return null;
                var height = BinaryPrimitives.ReadUInt16BigEndian(b[(p + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(b[(p + 5)..]);
                // A height of 0 defers to a DNL marker after the first scan; Lede does not chase it.
                return width == 0 || height == 0 ? null : (width, height);
            }

            p += length;
        }

        return null;
    }

    // C4 (DHT), C8 (JPG extension) and CC (DAC) share the C0–CF range but are not frame headers.
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
}
