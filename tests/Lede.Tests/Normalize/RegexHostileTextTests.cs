using System.Diagnostics;
using Lede.Normalize;
using Lede.Score;

namespace Lede.Tests.Normalize;

/// <summary>X15: the regular expressions that read feed text (entity repair, surrogate repair, clickbait cues) stay fast on text built to make them backtrack.</summary>
public sealed class RegexHostileTextTests
{
    public static TheoryData<string, string> Hostile => new()
    {
        { "a run with a bang at the end", new string('a', 200_000) + "!" },
        { "an unterminated numeric reference", "&#" + new string('1', 200_000) },
        { "references without semicolons", string.Concat(Enumerable.Repeat("&#12", 50_000)) },
        { "lone high surrogates", new string('\uD800', 100_000) },
        { "quotes that never close", string.Concat(Enumerable.Repeat("\"a ", 70_000)) },
        { "nested brackets and quotes", string.Concat(Enumerable.Repeat("([“'", 50_000)) },
        { "words and punctuation", string.Concat(Enumerable.Repeat("You won't believe ", 10_000)) + "?" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Text_built_to_backtrack_is_read_in_bounded_time(string what, string text)
    {
        var clock = Stopwatch.StartNew();

        _ = TextCleaner.Clean(text, keepParagraphs: true);
        _ = Clickbait.Hits(text);

        // Each regex has a match timeout (100 ms to 1 s); a backtracking one would run for minutes on these.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10), what);
    }
}
