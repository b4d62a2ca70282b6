using Lede.Store;

namespace Lede.Tests.Store;

public sealed class KeyRingTests
{
    [Fact]
    public void A_key_file_lists_keys_oldest_first_with_comments_and_blank_lines()
    {
        var first = SecuredKey.New(out var a);
        var second = SecuredKey.New(out var b);

        var ring = KeyRing.Parse($"# lede keys\n{a}\n\n{b}\n", "keys");

        ring.Keys.Select(k => k.Id).ShouldBe([first.Id, second.Id]);
        ring.Current.Id.ShouldBe(second.Id);
    }

    [Fact]
    public void The_same_key_always_has_the_same_id_and_the_id_does_not_reveal_it()
    {
        var key = SecuredKey.New(out var text);

        SecuredKey.TryParse(text, out var again, out _).ShouldBeTrue();
        again!.Id.ShouldBe(key.Id);
        key.Id.Length.ShouldBe(12);
        key.ToString().ShouldNotContain(text);
    }

    [Fact]
    public void A_bad_line_names_the_file_and_line_but_not_its_content()
    {
        const string secretLooking = "c2hvcnQ=";

        var e = Should.Throw<SecuredPayloadException>(() => KeyRing.Parse($"\n{secretLooking}\n", "/etc/lede/keys"));

        e.Message.ShouldBe("/etc/lede/keys:2: not a key: expected base64 of 32 bytes");
    }

    [Fact]
    public void The_environment_key_outranks_the_file_and_no_key_at_all_is_null()
    {
        var key = SecuredKey.New(out var text);

        KeyRing.Load("/nonexistent/keys", _ => text)!.Current.Id.ShouldBe(key.Id);
        KeyRing.Load("/nonexistent/keys", _ => null).ShouldBeNull();
        Should.Throw<SecuredPayloadException>(() => KeyRing.Load("/nonexistent/keys", _ => "nope"))
            .Message.ShouldStartWith("LEDE_SECURED_KEY: not a key");
    }
}
