using System.Globalization;
using Lede.Benchmarks.Legacy;
using Lede.Benchmarks.Store;
using Lede.Text;

namespace Lede.Benchmarks;

/// <summary>
/// The sanitizer alone on the generated corpus's item HTML (a description, and a content of two bodies, per item): the
/// current one and its frozen single-pass predecessor alternated in one process, so machine load hits both alike.
/// </summary>
internal static class SanitizeThroughput
{
    public static void Run(int rounds)
    {
        var random = new Random(42);
        var html = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            html.Add(FeedCorpusGenerator.Html(random));
            html.Add(FeedCorpusGenerator.Html(random) + FeedCorpusGenerator.Html(random));
        }

        var chars = html.Sum(h => (long)h.Length);
        // Items resolve against their own link, as RSS items do: the base changes from item to item.
        var bases = Enumerable.Range(0, 64).Select(i => $"https://site{i}.example.com/{i}/story").ToArray();
        double frozenMs = 0, currentMs = 0;
        var same = true;
        for (var round = 0; round < rounds; round++)
        {
            void RunFrozen()
            {
                for (var i = 0; i < html.Count; i++) FrozenHtmlSanitizer.Sanitize(html[i].AsSpan(), bases[(i >> 1) & 63]);
            }

            void RunCurrent()
            {
                for (var i = 0; i < html.Count; i++) HtmlSanitizer.Sanitize(html[i].AsSpan(), bases[(i >> 1) & 63]);
            }

            // Each goes first every other round: whichever runs second finds the caches warm.
            double frozen, current;
            if (round % 2 == 0) (frozen, current) = (Time(RunFrozen), Time(RunCurrent));
            else (current, frozen) = (Time(RunCurrent), Time(RunFrozen));
            // The first rounds tier the JIT up; only the second half is counted.
            if (round < rounds / 2) continue;
            frozenMs += frozen;
            currentMs += current;
        }

        for (var i = 0; i < html.Count && same; i++)
        {
            same = FrozenHtmlSanitizer.Sanitize(html[i].AsSpan(), bases[(i >> 1) & 63]) == HtmlSanitizer.Sanitize(html[i].AsSpan(), bases[(i >> 1) & 63]);
        }

        var counted = rounds - (rounds / 2);
        var mchars = counted * chars / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sanitizer on {html.Count} item bodies ({chars / 1e6:F1} M chars) x{counted} counted of {rounds} rounds, thread CPU: frozen {mchars / (frozenMs / 1e3):F0} M chars/s, current {mchars / (currentMs / 1e3):F0} M chars/s, ratio {frozenMs / currentMs:F2}x; outputs {(same ? "identical" : "DIFFER")}"));
    }

    private static double Time(Action action)
    {
        var before = ThreadCpuClock.Milliseconds();
        action();
        return ThreadCpuClock.Milliseconds() - before;
    }
}
