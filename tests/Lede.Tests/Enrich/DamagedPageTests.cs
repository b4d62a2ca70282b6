using FsCheck;
using FsCheck.Fluent;
using Lede.Enrich;
using Lede.Tests.Support;

namespace Lede.Tests.Enrich;

/// <summary>A fuzz-style property: sample pages cut, spliced or salted with hostile markup read without an exception.</summary>
public sealed class DamagedPageTests
{
    private static readonly string[] Seeds = Directory.EnumerateFiles(Path.Combine(Repo.Root, "samples", "newsroom"), "*", SearchOption.AllDirectories)
        .Where(f => Path.GetExtension(f) is "" or ".html" or ".amp" && !f.Contains("/tools/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText)
        .ToArray();

    private static readonly string[] Hostile =
    [
        """<script type="application/ld+json">{"@type":"NewsArticle","image":{"width":{"value":{"value":[]}}},"author":[[[{"name":7}]]]}</script>""",
        """<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>""",
        """<script type="application/ld+json">{"@graph":{"@type":["Article",null,7],"@id":{"a":1},"datePublished":["x",5]}}</script>""",
        """<script type="application/ld+json">'''"\\\u0000'{</script>""",
        """<meta property="og:image:width" content="-5"><meta property="og:image" content="//"><meta property="og:image:height" content="1e309">""",
        """<link rel="canonical" href="http://[::1"><link rel="amphtml" href="https://exa mple.com/%zz">""",
        """<img srcset=", ,, 9999999999999w x" data-src="javascript:alert(1)" width="0" height="99999999999">""",
        """<meta name="date" content="9999-99-99T99:99:99+99:99"><time datetime="-0001-01-01">""",
        """<html lang="-"><meta property="og:locale" content="__"><title> | | - — </title>""",
        "<article><h1>",
        "\0\uFFFD\uD800<<<>>>&&&&#x110000;",
    ];

    private static Gen<string> Damaged { get; } =
        from seed in Gen.Elements(Seeds)
        from kind in Gen.Choose(0, 3)
        from at in Gen.Choose(0, Math.Max(0, seed.Length - 1))
        from length in Gen.Choose(1, 400)
        from hostile in Gen.Elements(Hostile)
        from other in Gen.Elements(Seeds)
        select kind switch
        {
            0 => seed[..at],
            1 => seed[..at] + hostile + seed[at..],
            2 => seed[..at] + other[Math.Min(at, other.Length)..],
            _ => seed[..at] + seed[Math.Min(seed.Length, at + length)..],
        };

    [Fact]
    public void Damaged_pages_never_throw()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(600), Prop.ForAll(Damaged.ToArbitrary(), html =>
        {
            var facts = PageFactsReader.Read(Pages.Parse(html), new Uri("https://news.example.com/a/"));
            facts.Type.ShouldBeOneOf(PageTypes.Article, PageTypes.Video);
            facts.Images.ShouldAllBe(i => i.Url.Scheme == "http" || i.Url.Scheme == "https");
        }));

    [Fact]
    public void Every_hostile_snippet_alone_reads()
    {
        foreach (var snippet in Hostile)
        {
            Should.NotThrow(() => Pages.Read(snippet), snippet);
        }
    }
}
