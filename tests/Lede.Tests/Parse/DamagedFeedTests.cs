using FsCheck;
using FsCheck.Fluent;
using Lede.Parse;
using Lede.Tests.Support;

namespace Lede.Tests.Parse;

/// <summary>A fuzz-style property: feeds cut short, with bytes overwritten or spliced together, give a feed or an error, never an exception.</summary>
public sealed class DamagedFeedTests
{
    private static readonly byte[][] Seeds = Directory.GetFiles(Path.Combine(Repo.Root, "tests", "Lede.Tests", "Parse", "Fixtures"))
        .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "samples", "newsroom"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllBytes)
        .ToArray();

    private static readonly byte[] Nasty = "<>&;\"'/]]>--<!<?\0\u00ff\ufeff{}[]:,\\"u8.ToArray();

    private static Gen<byte[]> Damaged { get; } =
        from seed in Gen.Elements(Seeds)
        from kind in Gen.Choose(0, 3)
        from at in Gen.Choose(0, Math.Max(0, seed.Length - 1))
        from length in Gen.Choose(1, 64)
        from fill in Gen.Elements(Nasty).ArrayOf()
        from other in Gen.Elements(Seeds)
        select kind switch
        {
            0 => seed[..at],
            1 => Overwrite(seed, at, fill.Length > 0 ? fill : [0xFF]),
            2 => [.. seed[..at], .. other[Math.Min(at, other.Length)..]],
            _ => [.. seed[..at], .. seed[Math.Min(seed.Length, at + length)..]],
        };

    [Fact]
    public void Damaged_feeds_never_throw()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500), Prop.ForAll(Damaged.ToArbitrary(), bytes =>
        {
            var result = FeedParser.Parse(new FeedInput(bytes, "application/xml", new Uri("https://example.com/feed")));
            (result.Feed is null).ShouldBe(result.Error is not null);
        }));

    private static byte[] Overwrite(byte[] seed, int at, byte[] fill)
    {
        var copy = (byte[])seed.Clone();
        fill.AsSpan(0, Math.Min(fill.Length, copy.Length - at)).CopyTo(copy.AsSpan(at));
        return copy;
    }
}
