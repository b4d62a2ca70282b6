using System.Globalization;
using System.Text;
using System.Xml;

namespace Lede.Sources;

/// <summary>Writes the followed sources as an OPML 2.0 subscription list, the format every feed reader imports.</summary>
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
                xml.WriteAttributeString("text", source.Title ?? source.Url);
                if (source.Title is not null)
                {
                    xml.WriteAttributeString("title", source.Title);
                }

                xml.WriteAttributeString("xmlUrl", source.Url);
                if (source.Topics.Count > 0)
                {
                    // OPML 2.0 categories: comma-separated, slash-delimited paths.
                    xml.WriteAttributeString("category", string.Join(",", source.Topics.Select(t => "/" + t.Replace(",", " ", StringComparison.Ordinal))));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndDocument();
        }

        // XmlWriter over a StringWriter declares utf-16; the file is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }
}
