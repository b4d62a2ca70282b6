using System.Globalization;
using System.Text;

namespace Lede.Benchmarks;

/// <summary>Writes a large, varied feed corpus: every format, HTML-rich items, some feeds not in UTF-8.</summary>
internal static class FeedCorpusGenerator
{
    private static readonly string[] Words =
        ["storm", "council", "market", "election", "river", "school", "minister", "football", "energy", "hospital",
         "café", "naïve", "über", "Zürich", "data", "rail", "budget", "climate", "court", "festival"];

    /// <summary>Writes feeds into <paramref name="folder"/> until <paramref name="totalBytes"/> is reached; returns the file paths.</summary>
    public static List<string> Write(string folder, long totalBytes, int seed = 42)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var random = new Random(seed);
        var files = new List<string>();
        long written = 0;
        for (var n = 0; written < totalBytes; n++)
        {
            var items = random.Next(10, 60);
            var (ext, text, encoding) = (n % 6) switch
            {
                0 => ("xml", Rss(random, n, items, "utf-8"), Encoding.UTF8),
                1 => ("xml", Atom(random, n, items), Encoding.UTF8),
                2 => ("xml", Rdf(random, n, items), Encoding.UTF8),
                3 => ("json", JsonFeed(random, n, items), Encoding.UTF8),
                4 => ("json", NewsJson(random, n, items), Encoding.UTF8),
                _ => ("xml", Rss(random, n, items, "windows-1252"), Encoding.GetEncoding(1252)),
            };
            var path = Path.Combine(folder, $"feed{n:00000}.{ext}");
            var bytes = encoding.GetBytes(text);
            File.WriteAllBytes(path, bytes);
            written += bytes.Length;
            files.Add(path);
        }

        return files;
    }

    private static string Sentence(Random r, int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++) sb.Append(i == 0 ? "" : " ").Append(Words[r.Next(Words.Length)]);
        return sb.ToString();
    }

    /// <summary>One item's HTML as the generator writes it: paragraphs, links, bold, sometimes an image with a handler.</summary>
    public static string Html(Random r)
    {
        var sb = new StringBuilder();
        for (var p = 0; p < r.Next(2, 6); p++)
        {
            sb.Append("<p>").Append(Sentence(r, 25)).Append(" <a href=\"/story/").Append(r.Next()).Append("\">")
              .Append(Sentence(r, 3)).Append("</a> &amp; <b>").Append(Sentence(r, 4)).Append("</b>.</p>");
        }

        if (r.Next(3) == 0) sb.Append("<img src=\"https://img.example.com/").Append(r.Next()).Append(".jpg\" alt=\"x\" onerror=\"evil()\">");
        return sb.ToString();
    }

    private static string Esc(string s) => System.Security.SecurityElement.Escape(s)!;

    private static string Date(Random r) => new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(r.Next(500_000))
        .ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    private static string Iso(Random r) => new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(r.Next(500_000))
        .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Rss(Random r, int n, int items, string encoding)
    {
        var sb = new StringBuilder($"<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>");
        sb.Append(CultureInfo.InvariantCulture, $"<title>Feed {n} {Sentence(r, 3)}</title><link>https://site{n}.example.com/</link><description>{Sentence(r, 10)}</description><language>en</language>");
        for (var i = 0; i < items; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>{Esc(Sentence(r, 8))}</title><link>https://site{n}.example.com/{i}</link><guid>urn:{n}:{i}</guid>");
            sb.Append(CultureInfo.InvariantCulture, $"<pubDate>{Date(r)}</pubDate><dc:creator>{Sentence(r, 2)}</dc:creator><category>{Words[r.Next(Words.Length)]}</category>");
            sb.Append(CultureInfo.InvariantCulture, $"<description>{Esc(Html(r))}</description><content:encoded><![CDATA[{Html(r)}{Html(r)}]]></content:encoded>");
            sb.Append(CultureInfo.InvariantCulture, $"<media:thumbnail url=\"https://img.example.com/{n}/{i}.jpg\"/></item>");
        }

        return sb.Append("</channel></rss>").ToString();
    }

    private static string Atom(Random r, int n, int items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://atom.example.com/\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>Atom {n}</title><id>urn:feed:{n}</id><updated>{Iso(r)}</updated><link href=\"/\"/>");
        for (var i = 0; i < items; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<entry><title type=\"html\">{Esc(Sentence(r, 8))}</title><id>urn:{n}:{i}</id><link href=\"posts/{i}\"/><updated>{Iso(r)}</updated>");
            sb.Append(CultureInfo.InvariantCulture, $"<author><name>{Sentence(r, 2)}</name></author><summary>{Esc(Sentence(r, 30))}</summary><content type=\"html\">{Esc(Html(r) + Html(r))}</content></entry>");
        }

        return sb.Append("</feed>").ToString();
    }

    private static string Rdf(Random r, int n, int items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
        sb.Append(CultureInfo.InvariantCulture, $"<channel rdf:about=\"https://rdf.example.com/{n}\"><title>RDF {n}</title><link>https://rdf.example.com/</link><description>d</description></channel>");
        for (var i = 0; i < items; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<item rdf:about=\"https://rdf.example.com/{n}/{i}\"><title>{Esc(Sentence(r, 8))}</title><link>https://rdf.example.com/{n}/{i}</link>");
            sb.Append(CultureInfo.InvariantCulture, $"<dc:date>{Iso(r)}</dc:date><description>{Esc(Html(r))}</description></item>");
        }

        return sb.Append("</rdf:RDF>").ToString();
    }

    private static string JsonFeed(Random r, int n, int items)
    {
        var list = Enumerable.Range(0, items).Select(i => new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["id"] = $"{n}-{i}",
            ["url"] = $"https://json.example.com/{n}/{i}",
            ["title"] = Sentence(r, 8),
            ["content_html"] = Html(r) + Html(r),
            ["date_published"] = Iso(r),
            ["tags"] = new[] { Words[r.Next(Words.Length)] },
        });
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = $"JSON {n}",
            ["home_page_url"] = "https://json.example.com/",
            ["items"] = list,
        });
    }

    private static string NewsJson(Random r, int n, int items)
    {
        var list = Enumerable.Range(0, items).Select(i => new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["title"] = Sentence(r, 8),
            ["excerpt"] = Sentence(r, 40),
            ["heat"] = r.Next(100),
            ["type"] = "article",
            ["webUrl"] = $"https://news.example.com/{n}/{i}",
            ["ampWebUrl"] = $"https://news.example.com/amp/{n}/{i}",
            ["publishedDateTime"] = Iso(r),
            ["provider"] = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = "P", ["domain"] = "p.example.com" },
            ["images"] = new[] { new Dictionary<string, object>(StringComparer.Ordinal) { ["url"] = $"https://img.example.com/{i}.jpg", ["width"] = 640, ["height"] = 360 } },
            ["tags"] = new[] { Words[r.Next(Words.Length)] },
            ["locale"] = "en-us",
        });
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal) { ["news"] = list });
    }
}
