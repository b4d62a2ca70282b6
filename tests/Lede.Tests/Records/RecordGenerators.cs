using FsCheck;
using FsCheck.Fluent;
using Lede.Records;

namespace Lede.Tests.Records;

/// <summary>Records with the text that breaks naive YAML writers: quotes, escapes, indicators, look-alike numbers, emoji, RTL, controls.</summary>
public static class RecordGenerators
{
    private static readonly string[] Awkward =
    [
        "", " ", "plain words", "\"quoted\"", "back\\slash", "C:\\path\\", "key: value", "ends with colon:", "a #hash", "#start",
        "- leading dash", "-", "--- ", "...", "? question", "[brackets]", "{braces}", "&anchor", "*alias", "!tag", "|pipe", ">fold",
        "'single'", "it's", "%percent", "@at", "`tick`", "true", "False", "yes", "NO", "on", "null", "~", "123", "-7", "1e3", "0x1F",
        "0o17", "1_000", "12:30", ".inf", ".NaN", "3.14", "2021-09-16", "😀 emoji 👩‍👩‍👧", "مرحبا بالعالم", "שלום עולם", "Ελληνικά",
        "日本語のテキスト", "é ‘quotes’ – dash …", "tab\there", "new\nline", "cr\rlf\r\n", "nul\0byte", "bell\a", "esc\u001b",
        "del\u007f", "c1\u0085next", "c1\u0099", "ls\u2028ps\u2029", "nbsp\u00a0", "bom\ufeff", "zero\u200bwidth", "  padded  ",
        "trailing space ", "â€” mojibake", "<b>html</b> &amp;", "a: b: c", "x #y: z", "\u0001\u0002\u001f",
    ];

    public static Gen<string> Text { get; } = Gen.OneOf(
        Gen.Elements(Awkward),
        Gen.Elements(Awkward).ListOf().Select(parts => string.Concat(parts)),
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => WithoutLoneSurrogates(s.Get)));

    public static Gen<DateTime> Time { get; } =
        Gen.Choose(0, int.MaxValue).Select(s => DateTime.UnixEpoch.AddSeconds(s));

    public static Gen<ProviderRef> Provider { get; } =
        from name in Text
        from domain in Text
        select new ProviderRef(name, domain);

    private static Gen<int?> OptionalSize { get; } = Gen.Frequency(
        (1, Gen.Constant<int?>(null)),
        (4, Gen.Choose(0, 10000).Select(n => (int?)n)));

    public static Gen<RecordImage> Image { get; } =
        from url in Text
        from width in OptionalSize
        from height in OptionalSize
        from cached in ArbMap.Default.GeneratorFor<bool>()
        select new RecordImage(url, width, height, cached);

    public static Gen<RelatedEntry> Related { get; } =
        from title in Text
        from excerpt in Text
        from time in Time
        from urls in Text.Three()
        from amp in Gen.Elements(true, false)
        from video in Gen.Elements(true, false)
        from provider in Provider
        from quality in Gen.Choose(0, 100)
        from images in Image.ListOf().Resize(3)
        select new RelatedEntry
        {
            Title = title,
            Excerpt = excerpt,
            PublishedDateTime = time,
            WebUrl = urls.Item1,
            AmpWebUrl = amp ? urls.Item2 : null,
            CdnAmpWebUrl = amp ? urls.Item3 : null,
            Type = video ? ArticleType.Video : ArticleType.Article,
            Provider = provider,
            Quality = quality,
            Images = [.. images],
        };

    public static Gen<SecuredValue?> Secured { get; } = Gen.OneOf(
        Gen.Constant<SecuredValue?>(null),
        from blocks in Gen.Choose(1, 20)
        from seed in Gen.Choose(0, int.MaxValue)
        select (SecuredValue?)new SecuredValue(Convert.ToBase64String(Bytes(blocks * 16, seed)), Convert.ToBase64String(Bytes(16, seed + 1))));

    public static Gen<ArticleRecord> Record { get; } =
        from category in Gen.OneOf(Gen.Constant("news"), Text)
        from title in Text
        from excerpt in Text
        from time in Time
        from urls in Text.Four()
        from video in Gen.Elements(true, false)
        from quality in Gen.Choose(0, 100)
        from heat in Gen.Choose(-1, 1000)
        from published in Gen.Elements(true, false)
        from provider in Provider
        from topics in Text.ListOf().Resize(4)
        from images in Image.ListOf().Resize(3)
        from related in Related.ListOf().Resize(3)
        from secured in Secured
        from body in Gen.Elements("\n", "", "Body text.\n\n---\nmore\n", "no final newline")
        select new ArticleRecord
        {
            Category = category,
            Title = title,
            Excerpt = excerpt,
            PublishedDateTime = time,
            OriginalUrl = urls.Item1,
            WebUrl = urls.Item2,
            AmpWebUrl = urls.Item3.Length == 0 ? null : urls.Item3,
            CdnAmpWebUrl = urls.Item4.Length % 2 == 0 ? null : urls.Item4,
            Type = video ? ArticleType.Video : ArticleType.Article,
            Quality = quality,
            Heat = heat,
            Published = published,
            Provider = provider,
            Topics = [.. topics],
            Images = [.. images],
            Related = [.. related],
            Secured = secured,
            Body = body,
        };

    private static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string WithoutLoneSurrogates(string s)
        => string.Create(s.Length, s, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var paired = char.IsHighSurrogate(source[i]) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]);
                span[i] = char.IsSurrogate(source[i]) && !paired && !(char.IsLowSurrogate(source[i]) && i > 0 && char.IsHighSurrogate(source[i - 1])) ? '?' : source[i];
            }
        });
}
