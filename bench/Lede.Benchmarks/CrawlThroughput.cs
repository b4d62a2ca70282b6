using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lede.Enrich;
using Lede.Fetch;
using Lede.Normalize;
using Lede.Parse;
using Lede.Pipeline;
using Lede.Sources;
using Lede.Storage.Sqlite;
using Lede.Store;
using Lede.Web.Demo;

namespace Lede.Benchmarks;

/// <summary>
/// A plain harness: a whole crawl with enrichment on (feed, every page, lead image, sealed full text, SQLite), against
/// a generated site served by Kestrel on 127.0.0.1 — articles stored per second.
/// </summary>
internal static class CrawlThroughput
{
    private const int Sites = 10;

    public static async Task RunAsync(int articles)
    {
        var folder = Directory.CreateTempSubdirectory("lede-crawl-bench-").FullName;
        try
        {
            var perSite = Math.Max(1, articles / Sites);
            Generate(Path.Combine(folder, "site"), perSite);
            await using var site = await MirrorSite.StartAsync(Path.Combine(folder, "site"), default);
            await using var store = SqliteStore.Open(Path.Combine(folder, "bench.db"));
            for (var s = 0; s < Sites; s++)
            {
                await store.AddSourceAsync($"https://news{s}.example/feed.xml", null, [], default);
            }

            // Loopback is one host to the network; per-host limits apply to the site's hosts inside the mirror.
            using var network = new Fetcher(new FetchOptions { AllowPrivate = true, PerHostDelay = TimeSpan.Zero, PerHostConcurrency = 16 });
            var fetcher = new MirrorFetcher(network, site.BaseAddress, site.Hosts);
            var box = new SecuredBox(new KeyRing([SecuredKey.New(out _)]));
            var images = new ImageCache(fetcher, new ImageCacheOptions { Root = folder });
            var crawler = new Crawler(store, fetcher, FeedParser.Parse, new SourceScheduler(new Random(1)), TimeProvider.System)
            {
                Articles = new ArticleBuilder(ArticleNormalizer.Default(), new PageEnricher(fetcher), images, box),
            };
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var report = await crawler.CrawlAsync(await crawler.DueAsync(all: true, default), null, default);
            clock.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(report);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"crawl with enrichment: {report.NewArticles} articles in {clock.Elapsed.TotalSeconds:F2} s = {report.NewArticles / clock.Elapsed.TotalSeconds:F0} articles/s (wall), {report.NewArticles / cpuSeconds:F0} per CPU-second"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes <see cref="Sites"/> sites, each with an RSS feed of <paramref name="perSite"/> items, their pages and one lead image.</summary>
    /// <remarks>
    /// The articles are <see cref="StoryStreamGenerator"/>'s stream (stories told by several sites over hours, as in a real desk's
    /// sources), dealt to the sites in turn. Text drawn from one small vocabulary would make every article alike and the whole
    /// crawl one giant story, which measures the story stages on a case no desk has.
    /// </remarks>
    private static void Generate(string root, int perSite)
    {
        var random = new Random(7);
        var feeds = new StringBuilder[Sites];
        var counts = new int[Sites];
        for (var s = 0; s < Sites; s++)
        {
            var host = $"news{s}.example";
            Directory.CreateDirectory(Path.Combine(root, host, "img"));
            File.WriteAllBytes(Path.Combine(root, host, "img", "lead.png"), Png(1200, 630));
            feeds[s] = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>News {s}</title><link>https://{host}/</link>");
        }

        foreach (var article in StoryStreamGenerator.Generate(perSite * Sites, seed: 7))
        {
            var s = random.Next(Sites);
            var host = $"news{s}.example";
            var i = counts[s]++;
            var url = $"https://{host}/story/{i}/";
            var title = Capitalized(article.Title ?? "");
            var sentences = article.Text.Split(". ", StringSplitOptions.RemoveEmptyEntries).Select(Capitalized).ToList();
            var published = article.Published!.Value.ToString("R", CultureInfo.InvariantCulture);
            feeds[s].Append(CultureInfo.InvariantCulture, $"<item><title>{title}</title><link>{url}</link><guid>{url}</guid><pubDate>{published}</pubDate><description>{sentences[0]}.</description></item>");
            var body = string.Concat(sentences.Select(sentence => $"<p>{sentence}. {sentence}.</p>"));
            var folder = Path.Combine(root, host, "story", i.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "index.html"), $"""
                <!doctype html><html lang="en"><head><title>{title} | News {s}</title>
                <link rel="canonical" href="{url}"><meta property="og:site_name" content="News {s}">
                <meta property="og:description" content="{sentences[0]}."><meta property="og:image" content="https://{host}/img/lead.png">
                </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>{body}</article>
                <footer>© News {s}</footer></body></html>
                """);
        }

        for (var s = 0; s < Sites; s++)
        {
            File.WriteAllText(Path.Combine(root, $"news{s}.example", "feed.xml"), feeds[s].Append("</channel></rss>").ToString());
        }
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A valid PNG header (signature and IHDR) is all the image cache needs to size and keep it.</summary>
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0 };
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }
}
