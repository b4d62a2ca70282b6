using Lede.Normalize;
using Lede.Records;
using Lede.Store;

namespace Lede.Tests.Store;

public sealed class SecuredBoxTests
{
    private static readonly ArticleId Article = new(0x944ab56ac52e7950);
    private static readonly ArticleId OtherArticle = new(0x02ffa5deb697b13d);

    private static readonly SecuredPayload Payload = new("First paragraph.\n\nSecond — with “quotes” and 日本語.", ["Ada Lovelace"], "<p>raw</p>");

    private static (SecuredBox Box, KeyRing Ring) NewBox()
    {
        var ring = new KeyRing([SecuredKey.New(out _)]);
        return (new SecuredBox(ring), ring);
    }

    [Fact]
    public void A_sealed_payload_opens_to_what_was_sealed()
    {
        var (box, ring) = NewBox();

        var sealedPayload = box.Seal(Article, Payload);

        sealedPayload.KeyId.ShouldBe(ring.Current.Id);
        var opened = box.Open(Article, sealedPayload);
        opened.Text.ShouldBe(Payload.Text);
        opened.Authors.ShouldBe(Payload.Authors);
        opened.Description.ShouldBe(Payload.Description);
    }

    [Fact]
    public void The_record_value_has_the_format_shape_and_a_fresh_iv_each_time()
    {
        var (box, _) = NewBox();

        var first = box.Seal(Article, Payload);
        var second = box.Seal(Article, Payload);

        SecuredValue.TryParse(first.Value.ToString(), out _, out var error).ShouldBeTrue(error);
        (first.Value.Iv == second.Value.Iv).ShouldBeFalse();
        (first.Value.Ciphertext == second.Value.Ciphertext).ShouldBeFalse();
    }

    [Fact]
    public void A_changed_ciphertext_byte_is_refused_before_decryption()
    {
        var (box, _) = NewBox();
        var sealedPayload = box.Seal(Article, Payload);
        var bytes = Convert.FromBase64String(sealedPayload.Value.Ciphertext);
        bytes[^1] ^= 1;

        var tampered = sealedPayload with { Value = sealedPayload.Value with { Ciphertext = Convert.ToBase64String(bytes) } };

        Should.Throw<SecuredPayloadException>(() => box.Open(Article, tampered)).Message.ShouldContain("MAC does not match");
    }

    [Fact]
    public void A_changed_iv_is_refused()
    {
        var (box, _) = NewBox();
        var sealedPayload = box.Seal(Article, Payload);
        var iv = Convert.FromBase64String(sealedPayload.Value.Iv);
        iv[0] ^= 0x80;

        Should.Throw<SecuredPayloadException>(() => box.Open(Article, sealedPayload with { Value = sealedPayload.Value with { Iv = Convert.ToBase64String(iv) } }));
    }

    [Fact]
    public void Truncated_or_broken_base64_is_a_clear_error()
    {
        var (box, _) = NewBox();
        var sealedPayload = box.Seal(Article, Payload);
        var cipher = sealedPayload.Value.Ciphertext;

        Should.Throw<SecuredPayloadException>(() => box.Open(Article, sealedPayload with { Value = sealedPayload.Value with { Ciphertext = cipher[..^5] } }))
            .Message.ShouldContain("base64");
        Should.Throw<SecuredPayloadException>(() => box.Open(Article, sealedPayload with { Value = sealedPayload.Value with { Ciphertext = cipher[..24] } }))
            .Message.ShouldContain("truncated");
        var firstBlock = Convert.ToBase64String(Convert.FromBase64String(cipher)[..16]);
        Should.Throw<SecuredPayloadException>(() => box.Open(Article, sealedPayload with { Value = sealedPayload.Value with { Ciphertext = firstBlock } }))
            .Message.ShouldContain("MAC does not match");
    }

    [Fact]
    public void Another_key_under_the_same_id_cannot_open_it()
    {
        var (box, _) = NewBox();
        var sealedPayload = box.Seal(Article, Payload);
        var (other, otherRing) = NewBox();

        Should.Throw<SecuredPayloadException>(() => other.Open(Article, sealedPayload)).Message.ShouldContain("not in the key ring");
        Should.Throw<SecuredPayloadException>(() => other.Open(Article, sealedPayload with { KeyId = otherRing.Current.Id }))
            .Message.ShouldContain("MAC does not match");
    }

    [Fact]
    public void After_rotation_old_payloads_still_open_and_new_ones_use_the_new_key()
    {
        var oldKey = SecuredKey.New(out _);
        var sealedOld = new SecuredBox(new KeyRing([oldKey])).Seal(Article, Payload);
        var newKey = SecuredKey.New(out _);
        var rotated = new SecuredBox(new KeyRing([oldKey, newKey]));

        rotated.Open(Article, sealedOld).Text.ShouldBe(Payload.Text);
        rotated.Seal(Article, Payload).KeyId.ShouldBe(newKey.Id);
    }

    [Fact]
    public void A_payload_moved_to_another_article_is_refused()
    {
        var (box, ring) = NewBox();
        var sealedPayload = box.Seal(Article, Payload);

        sealedPayload.IsBound.ShouldBeTrue();
        Should.Throw<SecuredPayloadException>(() => box.Open(OtherArticle, sealedPayload)).Message.ShouldContain("sealed for another article");
        Should.Throw<SecuredPayloadException>(() => box.Verify(OtherArticle, sealedPayload));
        box.Verify(Article, sealedPayload);
        ring.Current.Id.ShouldBe(sealedPayload.KeyId);
    }

    [Fact]
    public void A_payload_sealed_before_id_binding_still_opens_and_is_marked()
    {
        var key = SecuredKey.New(out var master);
        var box = new SecuredBox(new KeyRing([key]));
        var legacy = LegacySeal.Seal(master, Payload);

        legacy.IsBound.ShouldBeFalse();
        legacy.KeyId.ShouldBe(key.Id);
        box.Open(Article, legacy).Text.ShouldBe(Payload.Text);
        // Not bound to any article: that is the gap the notice names, and re-sealing closes it.
        box.Open(OtherArticle, legacy).Text.ShouldBe(Payload.Text);
        box.Seal(Article, box.Open(Article, legacy)).IsBound.ShouldBeTrue();
    }

    [Fact]
    public void A_bound_mac_cannot_pass_as_one_from_before_the_binding()
    {
        var (box, _) = NewBox();
        var sealedPayload = box.Seal(Article, Payload);

        var stripped = sealedPayload with { Mac = sealedPayload.Mac[SealedPayload.BoundMacPrefix.Length..] };

        Should.Throw<SecuredPayloadException>(() => box.Open(Article, stripped)).Message.ShouldContain("MAC does not match");
    }
}
