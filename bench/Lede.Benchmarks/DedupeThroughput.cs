using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lede.Dedupe;

namespace Lede.Benchmarks;

/// <summary>The plain dedupe harness: fingerprints/s, DuplicateIndex.Add/s and memory per indexed article on a
/// generated stream of ~600-word articles, one in ten a syndicated copy of an earlier one.</summary>
internal static class DedupeThroughput
{
    private const int Words = 600;
    private const string Footer = "Copyright 2026 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.";

    public static void Run(int count)
    {
        var vocabulary = Vocabulary(50_000);
        var random = new Random(2026);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var copyOf = new int[count];
        var times = new DateTime[count];
        var fingerprints = new TextFingerprint[count];
        var recent = new List<(int Index, string Text)>();
        var fingerprintTime = TimeSpan.Zero;
        long characters = 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < count; i++)
        {
            // Ten days of stream, so the 7-day window evicts the first three.
            times[i] = start.AddSeconds(10.0 * 86_400 * i / count);
            copyOf[i] = -1;
            string text;
            if (recent.Count > 0 && random.Next(10) == 0)
            {
                var (original, originalText) = recent[random.Next(recent.Count)];
                copyOf[i] = original;
                text = Syndicate(originalText, random);
            }
            else
            {
                text = Article(vocabulary, random);
            }

            // Copies are drawn from the last 200 originals: syndication happens within hours.
            recent.Add((i, text));
            if (recent.Count > 200)
            {
                recent.RemoveAt(0);
            }

            characters += text.Length;
            var clock = Stopwatch.StartNew();
            fingerprints[i] = TextFingerprint.Create(text);
            fingerprintTime += clock.Elapsed;
        }

        recent.Clear();
        var fingerprintBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(Format($"{count} generated articles, {characters / count} characters on average"));
        Console.WriteLine(Format($"fingerprint: {count / fingerprintTime.TotalSeconds:F0} articles/s ({fingerprintTime.TotalMilliseconds * 1000 / count:F1} µs each), {fingerprintBytes / count} bytes per fingerprint held"));

        var index = new DuplicateIndex();
        var found = 0;
        var missed = 0;
        var wrong = 0;
        var add = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var match = index.Add(i.ToString(CultureInfo.InvariantCulture), fingerprints[i], times[i]);
            if (copyOf[i] >= 0)
            {
                _ = match is null ? missed++ : found++;
            }
            else if (match is not null)
            {
                wrong++;
            }
        }

        add.Stop();
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - before - fingerprintBytes;
        Console.WriteLine(Format($"add: {count / add.Elapsed.TotalSeconds:F0} articles/s ({add.Elapsed.TotalMilliseconds * 1000 / count:F1} µs each); {index.Count} indexed at the end (7-day window)"));
        Console.WriteLine(Format($"memory: index structures {indexBytes / Math.Max(1, index.Count)} bytes per indexed article, plus its fingerprint (~{fingerprintBytes / count} bytes)"));
        Console.WriteLine(Format($"planted copies found {found}, missed {missed}; originals wrongly matched {wrong}"));
        GC.KeepAlive(fingerprints);
        GC.KeepAlive(index);
    }

    private static string Article(string[] vocabulary, Random random)
    {
        var sb = new StringBuilder(Words * 8);
        for (var w = 0; w < Words; w++)
        {
            // A squared uniform draw skews towards the common words, as in prose.
            var u = random.NextDouble();
            sb.Append(vocabulary[(int)(u * u * vocabulary.Length)]).Append(w % 60 == 59 ? ".\n\n" : w % 15 == 14 ? ". " : " ");
        }

        return sb.ToString();
    }

    // One of the changes syndication makes: a footer, a cut paragraph, a truncation, or a new dateline.
    private static string Syndicate(string text, Random random) => random.Next(4) switch
    {
        0 => text + "\n\n" + Footer,
        1 => string.Join("\n\n", text.Split("\n\n").Where((_, i) => i != 4)),
        2 => text[..text.LastIndexOf(' ', text.Length * 7 / 10)],
        _ => "NEW YORK (AP) — " + text[text.IndexOf(' ', 40)..],
    };

    private static string[] Vocabulary(int size)
    {
        string[] syllables = ["ka", "lo", "mer", "tin", "sa", "ve", "ro", "pla", "dun", "e", "qui", "zor", "an", "bel", "ti", "cor", "ma", "gen"];
        var words = new string[size];
        for (var i = 0; i < size; i++)
        {
            var sb = new StringBuilder();
            for (var rank = i; ; rank /= syllables.Length)
            {
                sb.Append(syllables[rank % syllables.Length]);
                if (rank < syllables.Length)
                {
                    break;
                }
            }

            words[i] = sb.ToString();
        }

        return words;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
