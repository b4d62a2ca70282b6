using System.Buffers.Binary;

namespace Lede.Dedupe;

public sealed partial class TextFingerprint
{
    /// <summary>First byte of <see cref="ToBytes"/>; a fingerprint of another version is not read.</summary>
    public const byte FormatVersion = 1;

    // version, flags, token count, shingle count, content hash, simhash, MinHash count, sample count.
    private const int HeaderLength = 1 + 1 + 4 + 4 + 8 + 8 + 1 + 2;

    /// <summary>The fingerprint as bytes (little-endian, version first), for a store to keep.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderLength + (4 * (MinHashValues.Length + Samples.Length))];
        bytes[0] = FormatVersion;
        bytes[1] = SimHash is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), TokenCount);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(6), ShingleCount);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(10), ContentHash);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(18), SimHash ?? 0);
        bytes[26] = (byte)MinHashValues.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(27), (ushort)Samples.Length);
        var at = HeaderLength;
        foreach (var v in MinHashValues.Concat(Samples))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), v);
            at += 4;
        }

        return bytes;
    }

    /// <summary>Reads bytes written by <see cref="ToBytes"/>; null for any other version, a wrong length or
    /// inconsistent content. Never throws.</summary>
    public static TextFingerprint? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength || bytes[0] != FormatVersion || bytes[1] > 1)
        {
            return null;
        }

        var tokens = BinaryPrimitives.ReadInt32LittleEndian(bytes[2..]);
        var shingles = BinaryPrimitives.ReadInt32LittleEndian(bytes[6..]);
        var hash = BinaryPrimitives.ReadUInt64LittleEndian(bytes[10..]);
        var simHash = bytes[1] == 1 ? BinaryPrimitives.ReadUInt64LittleEndian(bytes[18..]) : (ulong?)null;
        int signature = bytes[26];
        int samples = BinaryPrimitives.ReadUInt16LittleEndian(bytes[27..]);
        var isShort = tokens < ShortTokens;
        if (tokens < 0 || shingles < 0 || bytes.Length != HeaderLength + (4L * (signature + samples))
            || signature != (isShort ? 0 : SignatureLength) || (isShort && (shingles != 0 || samples != 0))
            || (!isShort && (shingles == 0 || shingles > tokens)) || samples > shingles
            || (simHash is not null) != (tokens >= SimHashMinTokens))
        {
            return null;
        }

        var minHash = Read(bytes[HeaderLength..], signature);
        var sample = Read(bytes[(HeaderLength + (4 * signature))..], samples);
        for (var i = 1; i < sample.Length; i++)
        {
            // Containment merges the samples as sorted sets.
            if (sample[i] <= sample[i - 1])
            {
                return null;
            }
        }

        return new TextFingerprint(tokens, shingles, hash, simHash, minHash, sample);
    }

    private static uint[] Read(ReadOnlySpan<byte> bytes, int count)
    {
        var values = new uint[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]);
        }

        return values;
    }
}
