using System.Numerics;

namespace Lede.Dedupe;

/// <summary>Hand-written 64-bit hashing that gives the same values in every process and on every machine.</summary>
/// <remarks>Changing any constant here changes every stored fingerprint: bump <see cref="TextFingerprint.FormatVersion"/> with it.</remarks>
internal static class FingerprintHash
{
    private const ulong FnvOffset = 0xCBF29CE484222325;
    private const ulong FnvPrime = 0x100000001B3;
    private const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>FNV-1a taking one UTF-16 code unit per step, then a finaliser so every bit avalanches.</summary>
    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Mix(h);
    }

    /// <summary>The murmur3 64-bit finaliser: a bijection that spreads every input bit over the output.</summary>
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        h ^= h >> 33;
        return h;
    }

    /// <summary>Order-sensitive hash of consecutive token hashes (one word shingle).</summary>
    public static ulong Combine(ReadOnlySpan<ulong> tokens)
    {
        var h = Golden;
        foreach (var t in tokens)
        {
            h = (BitOperations.RotateLeft(h, 23) ^ t) * Golden;
        }

        return Mix(h);
    }

    /// <summary>The i-th value of the splitmix64 sequence from <paramref name="seed"/>: fixed seeds for the MinHash functions.</summary>
    public static ulong SplitMix(ulong seed, int i)
    {
        var z = seed + ((ulong)(i + 1) * Golden);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
