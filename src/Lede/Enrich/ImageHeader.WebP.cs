using System.Buffers.Binary;

namespace Lede.Enrich;

public static partial class ImageHeader
{
    /// <summary>RIFF/WEBP with a VP8 (lossy), VP8L (lossless) or VP8X (extended) first chunk.</summary>
    private static (int, int)? ReadWebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30) return null;
        var chunk = b.Slice(12, 4);
        var data = b[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (2 scale bits on top).
            if (data[3] != 0x9D || data[4] != 0x01 || data[5] != 0x2A) return null;
            return (BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then width-1 and height-1 in 14 bits each, little-endian bit order.
            if (data[0] != 0x2F) return null;
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Flags (1) and reserved (3), then canvas width-1 and height-1 in 24 bits each.
            return (Read24(data[4..]) + 1, Read24(data[7..]) + 1);
        }

        return null;
    }

    private static int Read24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);
}
