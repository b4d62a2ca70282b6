using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Lede.Normalize;

namespace Lede.Tests.Normalize;

public sealed class MojibakeTests
{
    [Theory]
    [InlineData("â€”", "—")]
    [InlineData("doesnâ€™t", "doesn’t")]
    [InlineData("schÃ¶n", "schön")]
    [InlineData("voilÃ le travail", "voilà le travail")]
    [InlineData("Ã¢â‚¬â„¢", "’")]
    [InlineData("Ã¢â‚¬â€\u009D", "—")]
    [InlineData("CafÃ© crÃ¨me â€œau laitâ€\u009D", "Café crème “au lait”")]
    [InlineData("Ã‰COLE", "ÉCOLE")]
    [InlineData("cÅ“ur", "cœur")]
    [InlineData("Å\u0081Ã³dÅº", "Łódź")]
    [InlineData("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет")]
    [InlineData("Î±Î²Î³", "αβγ")]
    [InlineData("æ—¥æœ¬èªž", "日本語")]
    [InlineData("ðŸ˜€ party", "😀 party")]
    [InlineData("Â© 2024 Example", "© 2024 Example")]
    [InlineData("mixed: naïve and Ã©tÃ©", "mixed: naïve and été")]
    public void Utf8_read_as_windows_1252_is_repaired(string broken, string expected)
        => Mojibake.Repair(broken).ShouldBe(expected);

    [Fact]
    public void Japanese_glued_to_latin_letters_is_repaired()
        => Mojibake.Repair(MojibakeTests.AsCp1252("Appleのニュース、iPhone用")).ShouldBe("Appleのニュース、iPhone用");

    public static TheoryData<string> CorrectTexts =>
    [
        "L’été dernier, nous sommes allés à Orléans — « c’était génial ».",
        "Straße, Größe, Ärger über Öl; „Anführungszeichen“ und ‚einfache‘.",
        "¿Dónde está el niño? ¡Mañana será!",
        "São Paulo, ações, coração, não, órgão.",
        "Zażółć gęślą jaźń. Łódź i Kraków.",
        "Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "İstanbul’da ağaçlar, şeker, ığdır, çözüm.",
        "Η γρήγορη καφέ αλεπού πηδά πάνω από τον τεμπέλη σκύλο.",
        "Съешь же ещё этих мягких французских булок, да выпей чаю.",
        "اللغة العربية جميلة جدا.",
        "עברית היא שפה שמית.",
        "हिन्दी एक भाषा है।",
        "中文新闻：今天的天气很好。",
        "日本語のニュース、東京で。",
        "한국어 뉴스 서울에서.",
        "Tiếng Việt có dấu: người, được, những.",
        "Emoji 😀👍🏽👨‍👩‍👧 and flags 🇫🇷.",
        "naïve, €5, Ω, °C, ½, ©, ®, ™, “quoted”, ‘single’, …",
        "ÂBC Corp and ÃO are names; ÉTÉ”, CAFÉ’s, BJÖRK—live.",
        "Ça va? Ô Canada. Æsir. Øresund. Ñandú.",
        "Price: 5 € – 10 €; temperatures 20°–25°.",
        "łŗŋłūńťġĥ: a run of Latin Extended letters whose mojibake starts with six capitals before quotes and dashes",
    ];

    [Theory, MemberData(nameof(CorrectTexts))]
    public void Correct_text_is_never_changed(string text)
    {
        Mojibake.Repair(text).ShouldBe(text);
        TextCleaner.Clean(text).Text.ShouldBe(text.Normalize(NormalizationForm.FormC));
    }

    [Theory, MemberData(nameof(CorrectTexts))]
    public void Correct_text_read_as_windows_1252_comes_back(string text)
        => Mojibake.Repair(AsCp1252(text)).ShouldBe(text);

    private static readonly string[] Words =
    [
        "été", "garçon", "Straße", "Öl", "über", "niño", "mañana", "ação", "Łódź", "gęślą", "kůň", "ďábel", "ağaç", "şeker",
        "İstanbul", "αλεπού", "Ελλάδα", "привет", "Москва", "العربية", "עברית", "हिन्दी", "新闻", "日本語", "한국어", "người",
        "😀", "👍🏽", "news", "the", "café", "crème", "œuvre", "cœur", "Æsir", "Øre", "naïve", "façade", "€5", "20°C", "½",
    ];

    private static readonly string[] Separators = [" ", ", ", ". ", " — ", " – ", "’", " “", "” ", "…", " «", "» ", "\n", " (", ") "];

    private static Gen<string> CorrectText { get; } =
        from parts in Gen.Elements(Words).Zip(Gen.Elements(Separators)).ListOf()
        select string.Concat(parts.Select(p => p.Item1 + p.Item2));

    [Fact]
    public void Random_correct_text_is_a_fixed_point()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(CorrectText.ToArbitrary(), s => Mojibake.Repair(s) == s));

    [Fact]
    public void Random_text_read_as_windows_1252_is_restored()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(CorrectText.ToArbitrary(), s => Mojibake.Repair(AsCp1252(s)) == s));

    // Random words, each of random code points from one of many scripts, ASCII, typographic marks and emoji. Latin-1 letters are left to the
    // word generator above: an accented capital glued to a mark between lowercase letters ("aÄ’b") is mojibake
    // by every measure, and only real words say whether such text occurs. Words are lowercase, as real words are
    // but for their first letter: random capitals inside a word ("ěŲ") read as mojibake too.
    private static readonly (int From, int To)[] Blocks =
    [
        (0x20, 0x7E), (0x100, 0x17F), (0x370, 0x3CE), (0x400, 0x44F), (0x5D0, 0x5EA), (0x620, 0x64A), (0x905, 0x939),
        (0x2013, 0x2026), (0x3041, 0x3096), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0x1F600, 0x1F64F),
    ];

    private static Gen<string> RandomWord { get; } =
        from block in Gen.Elements(Blocks)
        from points in Gen.Choose(block.From, block.To).ListOf()
        select string.Concat(points.Select(char.ConvertFromUtf32)).ToLowerInvariant();

    private static Gen<string> RandomScripts { get; } = RandomWord.ListOf().Select(words => string.Join(' ', words));

    [Fact]
    public void Random_code_points_from_many_scripts_are_a_fixed_point_and_come_back_from_windows_1252()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(RandomScripts.ToArbitrary(), s =>
            Mojibake.Repair(s) == s && (!s.Any(char.IsLetter) || Mojibake.Repair(AsCp1252(s)) == s)));

    [Fact]
    public void Random_unicode_strings_do_not_crash_the_repair()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll<string>(s => Mojibake.Repair(s) is not null && TextCleaner.Clean(s).Text is not null));

    /// <summary>UTF-8 bytes read as sloppy windows-1252, the way a misconfigured site shows them.</summary>
    internal static string AsCp1252(string text)
    {
        const string High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            sb.Append(b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b);
        }

        return sb.ToString();
    }
}
