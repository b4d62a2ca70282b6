using System.Text;

namespace Lede.Tests.Parse;

/// <summary>Random well-formed feed-like XML: namespaces, attributes in both quotes, references, CDATA, comments, line ends, deep nesting.</summary>
internal static class XmlDocumentGenerator
{
    private static readonly string[] Names = ["rss", "channel", "item", "title", "link", "description", "guid", "pubDate", "p", "a", "div", "br", "img", "entry", "content", "summary", "x-y", "a.b", "_u"];
    private static readonly string[] Prefixed = ["dc:creator", "atom:link", "media:content", "content:encoded", "itunes:image", "f:thing", "rdf:li"];
    private static readonly string[] AttributeNames = ["href", "rel", "type", "length", "url", "xml:base", "xml:lang", "f:at", "version", "isPermaLink"];
    private static readonly string[] Texts =
    [
        "plain words", " ", "\n    ", "\t", "caf\u00e9 \u4e2d\u6587 \U0001F600", "a &amp; b", "&lt;p&gt;escaped &quot;html&quot;&lt;/p&gt;", "&apos;q&apos;",
        "&#65;&#x42;&#x1F600;&#150;&#x92;", "line\r\nend", "lone\rcr", "]] >", "x > y", "\u0085 \u2028 next", "http://example.com/?a=1&amp;b=2", "&#13;&#10;&#9;",
    ];

    private static readonly string[] Values = ["alternate", "http://example.com/a b", "text/html", "1 &amp; 2", "&lt;b&gt;", "tab\there", "nl\nhere", "crlf\r\nhere", "&#10;&#x9;", "it's", "say \"hi\"", "", "/relative/path", "caf\u00e9"];

    public static string Document(Random random)
    {
        var sb = new StringBuilder();
        if (random.Next(4) == 0) sb.Append('\uFEFF');
        if (random.Next(2) == 0) sb.Append("<?xml version=\"1.0\"").Append(random.Next(2) == 0 ? " encoding='utf-8'" : "").Append("?>").Append(random.Next(2) == 0 ? "\n" : "");
        if (random.Next(5) == 0) sb.Append("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n");
        if (random.Next(5) == 0) sb.Append("<!-- a comment -->\n<?pi data?>\n");
        var depth = random.Next(10) == 0 ? 150 + random.Next(20) : 0;
        Element(random, sb, 0, depth, root: true);
        if (random.Next(3) == 0) sb.Append("\n<!-- trailing -->\n");
        return sb.ToString();
    }

    private static void Element(Random random, StringBuilder sb, int level, int forcedDepth, bool root = false)
    {
        var name = random.Next(4) == 0 ? Prefixed[random.Next(Prefixed.Length)] : Names[random.Next(Names.Length)];
        sb.Append('<').Append(name);
        if (root || random.Next(6) == 0) sb.Append(" xmlns:f=").Append(random.Next(2) == 0 ? "\"urn:f\"" : "'urn:f2'");
        if (random.Next(8) == 0) sb.Append(" xmlns=\"").Append(random.Next(2) == 0 ? "http://www.w3.org/2005/Atom" : "").Append('"');
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var k = random.Next(4); k > 0; k--)
        {
            var attribute = AttributeNames[random.Next(AttributeNames.Length)];
            if (!used.Add(attribute)) continue;
            var value = Values[random.Next(Values.Length)];
            var quote = value.Contains('"', StringComparison.Ordinal) ? '\'' : value.Contains('\'', StringComparison.Ordinal) ? '"' : random.Next(2) == 0 ? '"' : '\'';
            sb.Append(random.Next(3) == 0 ? "\n  " : " ").Append(attribute).Append(random.Next(4) == 0 ? " = " : "=").Append(quote).Append(value).Append(quote);
        }

        if (random.Next(8) == 0 && forcedDepth <= level)
        {
            sb.Append(random.Next(2) == 0 ? "/>" : " />");
            return;
        }

        sb.Append('>');
        var parts = forcedDepth > level ? 1 : random.Next(level > 6 ? 2 : 5);
        for (var k = 0; k < parts; k++)
        {
            switch (forcedDepth > level ? 3 : random.Next(6))
            {
                case 0 or 1:
                    sb.Append(Texts[random.Next(Texts.Length)]);
                    break;
                case 2:
                    sb.Append("<![CDATA[").Append(random.Next(2) == 0 ? "<b>bold</b> & more\r\n" : "").Append("]]>");
                    break;
                case 3:
                    Element(random, sb, level + 1, forcedDepth);
                    break;
                case 4:
                    sb.Append(random.Next(2) == 0 ? "<!-- note - here -->" : "<?php echo 1; ?>");
                    break;
                default:
                    sb.Append('\n').Append(' ', level * 2);
                    break;
            }
        }

        sb.Append("</").Append(name).Append(random.Next(6) == 0 ? " >" : ">");
    }
}
