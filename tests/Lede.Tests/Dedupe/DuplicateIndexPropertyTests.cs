using FsCheck;
using FsCheck.Fluent;
using Lede.Dedupe;

namespace Lede.Tests.Dedupe;

public sealed class DuplicateIndexPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200);
    private static readonly DateTime Noon = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Any_text_fingerprints_round_trips_and_duplicates_itself()
        => Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string>(), (title, body) =>
        {
            var fp = TextFingerprint.Create(title, body);
            TextFingerprint.FromBytes(fp.ToBytes())!.ToBytes().ShouldBe(fp.ToBytes());
            var index = new DuplicateIndex();
            index.Add("a", fp, Noon).ShouldBeNull();
            index.Add("b", TextFingerprint.Create(title, body), Noon).ShouldNotBeNull();
        }));

    [Fact]
    public void Generated_articles_duplicate_themselves_whatever_their_length()
        => Check.One(Runs, Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(1, 900).ToArbitrary(), (seed, words) =>
        {
            var text = GeneratedText.Article(seed, words);
            var index = new DuplicateIndex();
            index.Add("a", TextFingerprint.Create(text), Noon).ShouldBeNull();
            index.Add("b", TextFingerprint.Create("  " + text.ToUpperInvariant() + " !"), Noon)!.OfId.ShouldBe("a");
        }));

    [Fact]
    public void Whether_two_texts_match_does_not_depend_on_which_arrives_first()
        => Check.One(Runs, Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), (seed, edit) =>
        {
            var a = GeneratedText.Article(seed, 300);
            var b = Edit(a, seed, edit);
            var forward = new DuplicateIndex();
            forward.Add("a", TextFingerprint.Create(a), Noon);
            var backward = new DuplicateIndex();
            backward.Add("b", TextFingerprint.Create(b), Noon);
            (forward.Add("b", TextFingerprint.Create(b), Noon) is null).ShouldBe(backward.Add("a", TextFingerprint.Create(a), Noon) is null, $"edit {edit}");
        }));

    [Fact]
    public void Unrelated_generated_articles_do_not_match()
        => Check.One(Runs, Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), seed =>
        {
            var index = new DuplicateIndex();
            index.Add("a", TextFingerprint.Create(GeneratedText.Article(seed, 400)), Noon);
            index.Add("b", TextFingerprint.Create(GeneratedText.Article(seed + 1_000_000, 400)), Noon).ShouldBeNull();
        }));

    [Fact]
    public void Random_adds_removes_and_dates_never_throw_and_stay_within_the_bounds()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(Gen.Choose(0, 100_000).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var index = new DuplicateIndex(new DuplicateIndexOptions { MaxArticles = 30, Window = TimeSpan.FromDays(1) });
            for (var i = 0; i < 300; i++)
            {
                var id = $"d{random.Next(60)}";
                if (random.Next(8) == 0)
                {
                    index.Remove(id);
                    continue;
                }

                // Texts from a small pool so copies, updates and exact repeats all happen; dates jump both ways.
                var text = GeneratedText.Article(random.Next(40), random.Next(0, 200));
                DateTime? at = random.Next(5) == 0 ? null : Noon.AddHours(random.Next(-72, 72) + (i / 10));
                var match = index.Add(id, TextFingerprint.Create(random.Next(3) == 0 ? "Title" : null, text), at);
                string.Equals(match?.OfId, id, StringComparison.Ordinal).ShouldBeFalse();
                index.Count.ShouldBeLessThanOrEqualTo(30);
            }
        }));

    private static string Edit(string text, int seed, int edit)
    {
        var words = text.Split(' ');
        var n = words.Length;
        return edit switch
        {
            0 => string.Join(' ', words[..(n * 7 / 10)]),
            1 => string.Join(' ', words[..(n / 2)]),
            2 => string.Join(' ', words[(n / 3)..]),
            3 => text + " " + GeneratedText.Article(seed + 1, 200),
            4 => text + " " + GeneratedText.Article(seed + 1, 600),
            5 => GeneratedText.Article(seed + 1, 150) + " " + text,
            _ => string.Join(' ', words.Where((_, i) => i % 10 != 3)),
        };
    }
}
