using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Lede.EndToEnd.Tests.Crash;

/// <summary>
/// A generated newsroom laid out as samples/newsroom is (<c>sources.opml</c> and one folder per host with its feed, article
/// pages and lead image), so that <c>lede demo</c> serves and crawls it when <c>LEDE_HOME</c> points at its checkout.
/// </summary>
/// <remarks>
/// Each event is covered by every host in its own words around shared topical terms, so the crawl forms stories across
/// providers with related coverage; every item has its own URL, so the newsroom holds exactly <see cref="Items"/> articles.
/// </remarks>
public sealed class GeneratedNewsroom
{
    private static readonly string[] Words =
    [
        "council", "police", "camera", "privacy", "court", "data", "city", "vote", "ban", "system", "public", "report", "research",
        "model", "robot", "company", "law", "right", "technology", "agency", "minister", "study", "officials", "residents",
        "budget", "market", "school", "hospital", "weather", "energy", "transport", "housing", "union", "festival",
    ];

    private static readonly string[] Topical =
    [
        "facial recognition", "surveillance", "moratorium", "algorithm", "dataset", "autonomous vehicle", "drone", "chip",
        "startup", "election", "lawsuit", "vaccine", "climate", "battery", "satellite", "merger", "strike", "protest",
    ];

    private GeneratedNewsroom(string home, IReadOnlyList<string> urls)
    {
        Home = home;
        ItemUrls = urls;
    }

    /// <summary>The folder to give as <c>LEDE_HOME</c>: it holds <c>samples/newsroom</c>.</summary>
    public string Home { get; }

    /// <summary>Every item's canonical URL.</summary>
    public IReadOnlyList<string> ItemUrls { get; }

    /// <summary>How many articles a complete crawl stores.</summary>
    public int Items => ItemUrls.Count;

    /// <summary>Writes <paramref name="hosts"/> sites of <paramref name="events"/> items each under <paramref name="home"/>.</summary>
    public static GeneratedNewsroom Write(string home, int hosts, int events, int seed)
    {
        var random = new Random(seed);
        var root = Path.Combine(home, "samples", "newsroom");
        Directory.CreateDirectory(root);
        var start = DateTime.UtcNow.Date.AddDays(-3);
        var urls = new List<string>();
        var opml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Generated newsroom</title></head><body>""");
        for (var h = 0; h < hosts; h++)
        {
            var host = string.Create(CultureInfo.InvariantCulture, $"news{h}.example");
            opml.Append(CultureInfo.InvariantCulture, $"""<outline type="rss" text="News {h}" title="News {h}" xmlUrl="https://{host}/feed.xml" htmlUrl="https://{host}/"/>""");
            Directory.CreateDirectory(Path.Combine(root, host, "img"));
            File.WriteAllBytes(Path.Combine(root, host, "img", "lead.png"), Png(1200, 630));
            var feed = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News {h}</title><link>https://{host}/</link>"""));
            for (var e = 0; e < events; e++)
            {
                var theme = Topical[e % Topical.Length];
                string Sentence() => string.Join(' ', Enumerable.Range(0, random.Next(10, 20)).Select(i => i % 5 == 2 ? theme : Words[random.Next(Words.Length)])) + ".";
                var url = string.Create(CultureInfo.InvariantCulture, $"https://{host}/story/{e}/");
                urls.Add(url);
                var title = string.Create(CultureInfo.InvariantCulture, $"Event {e} {theme}: {Sentence()}");
                var published = start.AddMinutes((e * 7) + h).ToString("R", CultureInfo.InvariantCulture);
                feed.Append(CultureInfo.InvariantCulture,
                    $"<item><title>{title}</title><link>{url}</link><guid>{url}</guid><pubDate>{published}</pubDate><description>{Sentence()}</description></item>");
                var body = string.Concat(Enumerable.Range(0, 6).Select(_ => $"<p>{Sentence()} {Sentence()} {Sentence()}</p>"));
                var page = Path.Combine(root, host, "story", e.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(page);
                File.WriteAllText(Path.Combine(page, "index.html"), $"""
                    <!doctype html><html lang="en"><head><title>{title} | News {h}</title>
                    <link rel="canonical" href="{url}"><meta property="og:site_name" content="News {h}">
                    <meta name="author" content="Reporter {h}"><meta property="og:image" content="https://{host}/img/lead.png">
                    </head><body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>{body}</article><footer>© News {h}</footer></body></html>
                    """);
            }

            File.WriteAllText(Path.Combine(root, host, "feed.xml"), feed.Append("</channel></rss>").ToString());
        }

        File.WriteAllText(Path.Combine(root, "sources.opml"), opml.Append("</body></opml>").ToString());
        return new GeneratedNewsroom(home, urls);
    }

    /// <summary>A PNG signature and header: all the image cache needs to size and keep the image.</summary>
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0 };
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }
}
