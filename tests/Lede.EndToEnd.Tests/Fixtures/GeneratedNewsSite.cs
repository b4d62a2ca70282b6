using System.Globalization;
using System.Net;
using System.Text;

namespace Lede.EndToEnd.Tests.Fixtures;

/// <summary>Writes news sites for a <see cref="Lede.Web.Demo.MirrorSite"/>: per host an RSS feed and an article page per item, every URL on the loopback server.</summary>
/// <remarks>Stories repeat across hosts (the same event told by several providers), so the story stages have work to do.</remarks>
public static class GeneratedNewsSite
{
    private static readonly string[] Events =
    [
        "city council votes to ban police facial recognition cameras",
        "researchers release open source robot arm controller",
        "regulator fines app maker over location data sharing",
        "university lab trains vision model on satellite images of farms",
        "parliament debates rules for high risk artificial intelligence systems",
        "startup raises funding for warehouse picking robots",
    ];

    private static readonly string[] Filler =
    [
        "officials", "said", "on", "monday", "the", "plan", "would", "cost", "millions", "critics", "argued", "that", "residents", "were",
        "not", "consulted", "supporters", "pointed", "to", "safety", "gains", "a", "spokesperson", "declined", "comment", "next", "week",
        "hearing", "budget", "vendor", "contract", "pilot", "program", "schools", "hospitals", "drivers", "workers", "union", "lawyers",
    ];

    /// <summary>Writes <paramref name="hosts"/> sites of <paramref name="items"/> items each under <paramref name="folder"/>; returns the feed URLs and every item link.</summary>
    public static (IReadOnlyList<string> Feeds, IReadOnlyList<string> Links) Write(string folder, Uri server, int hosts, int items, int seed)
    {
        var random = new Random(seed);
        var feeds = new List<string>();
        var links = new List<string>();
        for (var h = 0; h < hosts; h++)
        {
            var host = $"news{h}.example";
            Directory.CreateDirectory(Path.Combine(folder, host));
            var feed = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>News {h}</title><link>{server}{host}/</link>");
            for (var i = 0; i < items; i++)
            {
                var link = new Uri(server, $"{host}/story/{i}/").AbsoluteUri;
                var topic = Events[random.Next(Events.Length)];
                var title = $"{Capitalized(topic)}: report {h}-{i}";
                var published = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes((i * 37) + (h * 5));
                // The event's words, then each provider's own: one story, told differently (not copies of one text).
                var paragraphs = string.Concat(Enumerable.Range(0, 4).Select(_ =>
                    $"<p>{WebUtility.HtmlEncode(Capitalized(topic))}, {string.Join(' ', Enumerable.Range(0, 30).Select(_ => Filler[random.Next(Filler.Length)]))}.</p>"));
                Directory.CreateDirectory(Path.Combine(folder, host, "story", i.ToString(CultureInfo.InvariantCulture)));
                File.WriteAllText(Path.Combine(folder, host, "story", i.ToString(CultureInfo.InvariantCulture), "index.html"),
                    $"<!doctype html><html lang=\"en\"><head><title>{title} | News {h}</title><link rel=\"canonical\" href=\"{link}\">" +
                    $"<meta property=\"og:site_name\" content=\"News {h}\"><meta property=\"article:published_time\" content=\"{published:yyyy-MM-dd'T'HH:mm:ss'Z'}\"></head>" +
                    $"<body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{paragraphs}</article><footer>© News {h}</footer></body></html>");
                feed.Append(CultureInfo.InvariantCulture,
                    $"<item><title>{title}</title><link>{link}</link><guid>{link}</guid><pubDate>{published:R}</pubDate><description>{Capitalized(topic)}.</description></item>");
                links.Add(link);
            }

            feed.Append("</channel></rss>");
            File.WriteAllText(Path.Combine(folder, host, "feed.xml"), feed.ToString());
            feeds.Add(new Uri(server, $"{host}/feed.xml").AbsoluteUri);
        }

        return (feeds, links);
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
