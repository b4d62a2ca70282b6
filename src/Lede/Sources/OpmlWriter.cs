using System.Globalization;
using System.Text;
using System.Xml;

namespace Lede.Sources;

/// <summary>Writes the followed sources as an OPML 2.0 subscription list, the format every feed reader imports.</summary>
/// <remarks>
/// Titles come from feeds: a JSON feed may carry any character, and characters XML cannot hold (controls, U+FFFE,
/// lone surrogates) are left out, so the export is always well-formed (reliability.md M15).
/// </remarks>
public static class OpmlWriter
{
    public static string Write(IEnumerable<Source> sources, DateTime created)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(new StringWriter(sb, CultureInfo.InvariantCulture), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", "Lede sources");
            xml.WriteElementString("dateCreated", created.ToString("r", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteStartElement("body");
            foreach (var source in sources)
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("type", "rss");
                xml.WriteAttributeString("text", XmlSafe(source.Title ?? source.Url));
                if (source.Title is not null)
                {
                    xml.WriteAttributeString("title", XmlSafe(source.Title));
                }

                xml.WriteAttributeString("xmlUrl", XmlSafe(source.Url));
                if (source.Topics.Count > 0)
                {
                    // OPML 2.0 categories: comma-separated, slash-delimited paths.
                    xml.WriteAttributeString("category", XmlSafe(string.Join(",", source.Topics.Select(t => "/" + t.Replace(",", " ", StringComparison.Ordinal)))));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndDocument();
        }

        // XmlWriter over a StringWriter declares utf-16; the file is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The text without the characters XML 1.0 cannot hold; surrogate pairs stay, lone halves go.</summary>
    private static string XmlSafe(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(text[i]).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
        }

        return sb.Length == text.Length ? text : sb.ToString();
    }
}
