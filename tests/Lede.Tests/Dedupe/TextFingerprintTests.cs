using Lede.Dedupe;
using static Lede.Tests.Dedupe.WireCorpus;

namespace Lede.Tests.Dedupe;

public sealed class TextFingerprintTests
{
    [Fact]
    public void Values_are_pinned_so_stored_fingerprints_stay_comparable_across_processes()
    {
        // If this fails the hashing changed: bump TextFingerprint.FormatVersion and re-pin.
        var fp = TextFingerprint.Create(Story(ChipStory));
        fp.ContentHash.ShouldBe(0xC1EA24263260AF1BUL);
        fp.MinHash[0].ShouldBe(2984581u);
        fp.SimHash.ShouldBe(0xD52C754330B1405BUL);
    }

    [Fact]
    public void A_long_body_gets_every_signal_and_a_title_alone_only_the_exact_hash()
    {
        var body = TextFingerprint.Create("Headline", Story(StudyStory));
        body.IsShort.ShouldBeFalse();
        body.MinHash.Count.ShouldBe(TextFingerprint.SignatureLength);
        body.SimHash.ShouldNotBeNull();
        body.TokenCount.ShouldBeGreaterThan(200);
        body.ShingleCount.ShouldBe(body.TokenCount - 4);

        var title = TextFingerprint.Create("Chatbots give risky drug advice, study finds", null);
        title.IsShort.ShouldBeTrue();
        title.TokenCount.ShouldBe(7);
        title.MinHash.ShouldBeEmpty();
        title.SimHash.ShouldBeNull();
        title.ContentHash.ShouldBe(TextFingerprint.Create("CHATBOTS give risky drug advice — study finds", "").ContentHash);
    }

    [Fact]
    public void The_headline_does_not_change_a_long_bodys_fingerprint()
        => TextFingerprint.Create("One", Story(BanStory)).ToBytes().ShouldBe(TextFingerprint.Create("Two", Story(BanStory)).ToBytes());

    [Fact]
    public void Jaccard_estimates_follow_the_overlap()
    {
        var full = TextFingerprint.Create(Story(BanStory));
        full.EstimateJaccard(full).ShouldBe(1);
        full.EstimateJaccard(TextFingerprint.Create(WithFooter(BanStory))).ShouldBeGreaterThan(0.85);
        full.EstimateJaccard(TextFingerprint.Create(Join(BanRewrite))).ShouldBeLessThan(0.1);
        full.EstimateJaccard(TextFingerprint.Create("short")).ShouldBe(0);
    }

    [Fact]
    public void Bytes_round_trip()
    {
        foreach (var fp in new[] { TextFingerprint.Create(Story(ChipStory)), TextFingerprint.Create("Just a title", null), TextFingerprint.Create(Join(ChipStory[..1])) })
        {
            var back = TextFingerprint.FromBytes(fp.ToBytes());
            back.ShouldNotBeNull();
            back.ToBytes().ShouldBe(fp.ToBytes());
            back.ContentHash.ShouldBe(fp.ContentHash);
            back.SimHash.ShouldBe(fp.SimHash);
            back.EstimateJaccard(fp).ShouldBe(fp.IsShort ? 0 : 1);
        }
    }

    [Fact]
    public void Damaged_bytes_read_as_null()
    {
        var bytes = TextFingerprint.Create(Story(ChipStory)).ToBytes();
        TextFingerprint.FromBytes([]).ShouldBeNull();
        TextFingerprint.FromBytes(bytes.AsSpan(0, bytes.Length - 1)).ShouldBeNull();
        TextFingerprint.FromBytes([.. bytes, 0]).ShouldBeNull();
        var version = (byte[])bytes.Clone();
        version[0] = 2;
        TextFingerprint.FromBytes(version).ShouldBeNull();
        var tokens = (byte[])bytes.Clone();
        tokens[2] = 3;
        tokens[3] = tokens[4] = tokens[5] = 0;
        TextFingerprint.FromBytes(tokens).ShouldBeNull();
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
            _ = TextFingerprint.FromBytes(damaged.AsSpan(0, random.Next(damaged.Length + 1)));
        }
    }
}
