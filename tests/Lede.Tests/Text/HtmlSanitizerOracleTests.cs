using System.Text;
using System.Text.Json;
using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using Lede.Benchmarks.Legacy;
using Lede.Tests.Support;
using Lede.Text;

namespace Lede.Tests.Text;

/// <summary>
/// The sanitizer against its frozen single-pass predecessor (<see cref="FrozenHtmlSanitizer"/>): its fast paths must give
/// byte-identical output on generated markup and on every text of the feed conformance corpora.
/// </summary>
public sealed class HtmlSanitizerOracleTests
{
    private static readonly string?[] Bases = [null, "https://e.com/a/b", "http://E.com:8080/x y/", "https://e.com/dir/?q=1#f", "not a url", "mailto:x@y.z"];

    private static readonly string[] Pieces =
    [
        "alpha ", "Zürich ", " ", "  ", "\n", "\t", "\r\n", "\f", "\0", "\u00A0", "\uFFFD", "\uD83D\uDE00", "\uD800", "<", ">", "/", "\"", "'", "=", "&", ";", "#", "x", "!", "-", "--", "?",
        "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp", "&nbsp;", "&copy", "&copy=", "&eacute;", "&Eacute;", "&notanentity;", "&#233;", "&#xE9;", "&#XE9", "&#0;", "&#128;",
        "&#x110000;", "&#xD800;", "&#99999999999999;", "&#;", "&#x;", "&Tab;", "&NewLine;", "&colon;", "&amp",
        "<p>", "</p>", "<P>", "</P >", "<p/>", "<p class=x>", "<li>", "</li>", "<LI>", "<ul>", "</ul>", "<ol start=3>", "<b>", "</b>", "<B>", "<i>", "</I>",
        "<div>", "</div>", "<span class=\"x\">", "</span>", "<br>", "<br/>", "<BR />", "</br>", "<hr>", "<img>", "<col width=2>", "<em>", "</em>", "<strong>",
        "<table>", "<tr>", "<td colspan=2 rowspan='3' width=\"4\">", "</td>", "<th height=5>", "</table>", "<h2>", "</h2>", "<time datetime=\"2020\">",
        "<del cite=\"/c\" datetime=x>", "<q cite=x>", "<blockquote cite=\"/q\">", "</blockquote>", "<abbr title=\"t&amp;t\">", "<figure>", "<picture>",
        "<a href=\"/story/1\">", "<a href=story/2>", "<a href='//evil.com/x'>", "<a href=\"#top\">", "<a href=\"https://e.com/x?a=1&amp;b=2\" title=\"t\">",
        "<A HREF=\"HTTP://E.COM/\">", "<a href=\"http://e.com/a b\">", "<a href=\"https://e.com/\\x\">", "<a href=\"mailto:a@b.c\">", "<a href=\"../up/./x\">",
        "<a href='https://e.com/\"q<x>'>", "<a href='/\"q'>", "<a href=\"/a/.b\">", "<a href=\"/a.b/c.html\">", "<a href=\"/é\">", "<a href=\"https://e.com/é\">",
        "<a href=\"/x\u007F\">", "<a href=\"HTTPS://e.com/\">", "<a href=\"a:b\">", "<a href=\"9/x\">", "<img src=\"~x\">", "<a href=\"/\">",
        "<a href=\" /lead\">", "<a href=\"/p?q=&lt;x&gt;\">", "<a href=\"/r\" href=\"/s\">", "<a HREF=x hReF=y>", "<a href>", "<a href=>", "<a href=\"\">",
        "<a href=\"javascript:alert(1)\">", "<a href=\"jav&#x09;ascript:x\">", "<a href='java\nscript:x'>", "<a href=\"&#1;javascript:x\">", "</a>", "</A>",
        "<img src=\"https://img.e.com/1.jpg\" alt=\"a\" onerror=\"evil()\">", "<img src=x onerror=alert(1)>", "<img src=\"data:image/png;base64,AA\">",
        "<img/src=x/alt=y>", "<img src=\"/i.png\" alt='\"q\"' title=<>", "<img alt=\"a\"title=\"b\">", "<img src = \"/s\" >", "<img =x>",
        "<script>alert(1)</script>", "<SCRIPT>x</SCRIPT >", "<script>a</scripty></script>", "</script", "<style>p{}</style>", "<textarea/>", "<title>t</title>",
        "<svg><script>alert(1)</script></svg>", "<svg><svg></svg>x</svg>", "<svg/>", "<math>", "</math>", "<form>", "</form>", "<input value=x>", "<plaintext>",
        "<!-- note -->", "<!---->", "<!-->", "<!--->", "<!-- a --!>", "<!-- -- -->", "<!DOCTYPE html>", "<?xml x?>", "<![CDATA[x]]>", "<!x>",
        "</ p>", "</>", "</ >", "< p>", "<1>", "<p", "<a href=\"x", "<a href='x", "<a b", "<font color=red>", "</font>",
        "<p onclick=\"x()\" style=\"color:red\">", "<iframe src=\"https://e.com/\">", "</iframe>", "<object data=\"x\">", "</object>", "<applet>",
        "<verylongtagnamethatisnotknown>", "<custom-element>", "<h7>", "<H1>", "<Table>", "<TBODY>", "<tbody>", "<dl><dt>", "<dd>", "<pre>",
    ];

    private static Gen<string> RandomHtml { get; } = Gen.Elements(Pieces).ArrayOf().Select(string.Concat);

    private static Gen<string> RandomChars { get; } = Gen.Elements("<>/=\"' &#;a1pbA!-?\n\0é".ToCharArray()).ArrayOf().Select(c => new string(c));

    [Fact]
    public void Generated_markup_gives_the_frozen_sanitizers_output()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(4000), Prop.ForAll(RandomHtml.ToArbitrary(), SameAsFrozen));

    [Fact]
    public void Random_characters_give_the_frozen_sanitizers_output()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(4000), Prop.ForAll(RandomChars.ToArbitrary(), SameAsFrozen));

    [Fact]
    public void Deep_nesting_gives_the_frozen_sanitizers_output()
    {
        SameAsFrozen(string.Concat(Enumerable.Repeat("<div><b>", 100)) + "x" + string.Concat(Enumerable.Repeat("</b></div>", 100)));
        SameAsFrozen(string.Concat(Enumerable.Repeat("<svg>", 70)) + "x" + string.Concat(Enumerable.Repeat("</svg>", 69)) + "<p>y");
        SameAsFrozen(string.Concat(Enumerable.Repeat("<p><li>", 80)));
        SameAsFrozen(new string('<', 5000) + string.Concat(Enumerable.Repeat("&amp;", 2000)));
    }

    /// <summary>Every text, attribute value and JSON string of the three conformance suites, and every file itself read as HTML.</summary>
    [Fact]
    public void Every_text_of_the_feed_corpora_gives_the_frozen_sanitizers_output()
    {
        var files = Directory.EnumerateFiles(Repo.Shared("corpora/feeds"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var texts = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length > 2_000_000) continue;
            foreach (var text in Texts(bytes).Prepend(Encoding.UTF8.GetString(bytes)))
            {
                SameAsFrozen(text);
                texts++;
            }
        }

        texts.ShouldBeGreaterThan(20_000);
    }

    private static void SameAsFrozen(string html)
    {
        foreach (var baseUrl in Bases)
        {
            var expected = FrozenHtmlSanitizer.Sanitize(html, baseUrl);
            HtmlSanitizer.Sanitize(html, baseUrl).ShouldBe(expected, $"string input, base {baseUrl}: {html}");
            HtmlSanitizer.Sanitize(html.AsSpan(), baseUrl).ShouldBe(FrozenHtmlSanitizer.Sanitize(html.AsSpan(), baseUrl), $"span input, base {baseUrl}: {html}");
        }
    }

    private static IEnumerable<string> Texts(byte[] bytes)
    {
        var found = new List<string>();
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) found.Add(reader.Value);
                if (reader.NodeType != XmlNodeType.Element) continue;
                while (reader.MoveToNextAttribute()) found.Add(reader.Value);
            }
        }
        catch (XmlException)
        {
            // What was read before the error is kept; the rest may be JSON.
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) found.Add(reader.GetString()!);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON cut short: the strings before the error are kept.
        }

        return found;
    }
}
