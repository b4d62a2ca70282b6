using System.Buffers.Binary;

namespace Lede.Enrich;

public static partial class ImageHeader
{
    private const int MaxBoxes = 4096;

    /// <summary>An ISOBMFF file whose ftyp names the avif or avis brand, as major or compatible brand.</summary>
    private static bool IsAvif(ReadOnlySpan<byte> b)
    {
        if (b.Length < 16 || !b.Slice(4, 4).SequenceEqual("ftyp"u8)) return false;
        var size = BinaryPrimitives.ReadUInt32BigEndian(b);
        var end = (int)Math.Min(size < 16 ? 16u : size, (uint)b.Length);
        for (var p = 8; p + 4 <= end; p += 4)
        {
            // Offset 12 is the minor version, not a brand.
            if (p == 12) continue;
            var brand = b.Slice(p, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8)) return true;
        }

        return false;
    }

    /// <summary>meta → iprp → ipco → ispe: the primary item's spatial extent when ipma links it, else the largest ispe.</summary>
    private static (int, int)? ReadAvif(ReadOnlySpan<byte> b)
    {
        if (!TryFindBox(b, "meta"u8, out var meta) || meta.Length < 4) return null;
        // meta is a full box: version and flags come first.
        meta = meta[4..];
        uint? primary = null;
        if (TryFindBox(meta, "pitm"u8, out var pitm) && pitm.Length >= 6)
        {
            primary = pitm[0] == 0 ? BinaryPrimitives.ReadUInt16BigEndian(pitm[4..]) : pitm.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(pitm[4..]) : null;
        }

        if (!TryFindBox(meta, "iprp"u8, out var iprp) || !TryFindBox(iprp, "ipco"u8, out var ipco)) return null;
        var extents = new List<(int Index, int W, int H)>();
        var index = 0;
        for (var offset = 0; index < MaxBoxes && TryNextBox(ipco, ref offset, out var type, out var body);)
        {
            index++;
            if (type.SequenceEqual("ispe"u8) && body.Length >= 12)
            {
                var size = Checked(BinaryPrimitives.ReadUInt32BigEndian(body[4..]), BinaryPrimitives.ReadUInt32BigEndian(body[8..]));
                if (size is { } s) extents.Add((index, s.Item1, s.Item2));
            }
        }

        if (extents.Count == 0) return null;
        if (primary is { } item && TryFindBox(iprp, "ipma"u8, out var ipma))
        {
            foreach (var property in PropertiesOf(ipma, item))
            {
                foreach (var e in extents)
                {
                    if (e.Index == property) return (e.W, e.H);
                }
            }
        }

        var largest = extents.MaxBy(e => (long)e.W * e.H);
        return (largest.W, largest.H);
    }

    /// <summary>The 1-based ipco indices ipma associates with an item.</summary>
    private static List<int> PropertiesOf(ReadOnlySpan<byte> ipma, uint item)
    {
        var found = new List<int>();
        if (ipma.Length < 8) return found;
        var version = ipma[0];
        var wideIndex = (ipma[3] & 1) != 0;
        var count = BinaryPrimitives.ReadUInt32BigEndian(ipma[4..]);
        var p = 8;
        for (uint i = 0; i < count && p < ipma.Length; i++)
        {
            var idBytes = version < 1 ? 2 : 4;
            if (p + idBytes + 1 > ipma.Length) break;
            var id = version < 1 ? BinaryPrimitives.ReadUInt16BigEndian(ipma[p..]) : BinaryPrimitives.ReadUInt32BigEndian(ipma[p..]);
            p += idBytes;
            int associations = ipma[p++];
            for (var a = 0; a < associations; a++)
            {
                if (p + (wideIndex ? 2 : 1) > ipma.Length) return found;
                // The top bit marks the property as essential; the rest is the index.
                var propertyIndex = wideIndex ? BinaryPrimitives.ReadUInt16BigEndian(ipma[p..]) & 0x7FFF : ipma[p] & 0x7F;
                p += wideIndex ? 2 : 1;
                if (id == item) found.Add(propertyIndex);
            }

            if (id == item) break;
        }

        return found;
    }

    private static bool TryFindBox(ReadOnlySpan<byte> container, ReadOnlySpan<byte> wanted, out ReadOnlySpan<byte> body)
    {
        var offset = 0;
        for (var n = 0; n < MaxBoxes && TryNextBox(container, ref offset, out var type, out body); n++)
        {
            if (type.SequenceEqual(wanted)) return true;
        }

        body = default;
        return false;
    }

    /// <summary>Reads the box at offset and moves past it: 32-bit size (1 = 64-bit size follows, 0 = to the end), 4-byte type.</summary>
    private static bool TryNextBox(ReadOnlySpan<byte> data, scoped ref int offset, out ReadOnlySpan<byte> type, out ReadOnlySpan<byte> body)
    {
        var rest = data[offset..];
        type = default;
        body = default;
        if (rest.Length < 8) return false;
        ulong size = BinaryPrimitives.ReadUInt32BigEndian(rest);
        var header = 8;
        if (size == 1)
        {
            if (rest.Length < 16) return false;
            size = BinaryPrimitives.ReadUInt64BigEndian(rest[8..]);
            header = 16;
        }
        else if (size == 0)
        {
            size = (ulong)rest.Length;
        }

        if (size < (ulong)header || size > (ulong)rest.Length) return false;
        type = rest.Slice(4, 4);
        body = rest[header..(int)size];
        offset += (int)size;
        return true;
    }
}
