using System.Xml;

namespace Lede.Sources;

/// <summary>Reads OPML 1.0/2.0 subscription lists: every outline with an <c>xmlUrl</c>, with the folders it sits in.</summary>
/// <remarks>No DTD processing and no external resources: an OPML file is as untrusted as a feed.</remarks>
public static class OpmlReader
{
    /// <summary>The feeds in the list, or the one-line reason it could not be read.</summary>
    public static (IReadOnlyList<OpmlOutline> Outlines, string? Error) Read(Stream opml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, MaxCharactersFromEntities = 1024 };
        var outlines = new List<OpmlOutline>();
        var folders = new Stack<string?>();
        try
        {
            using var xml = XmlReader.Create(opml, settings);
            var sawOpml = false;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "opml")
                {
                    sawOpml = true;
                }
                else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "outline")
                {
                    var empty = xml.IsEmptyElement;
                    var outline = ReadOutline(xml, folders);
                    if (outline is not null)
                    {
                        outlines.Add(outline);
                    }

                    if (!empty)
                    {
                        folders.Push(outline is null ? Attribute(xml, "title") ?? Attribute(xml, "text") : null);
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "outline" && folders.Count > 0)
                {
                    folders.Pop();
                }
            }

            return sawOpml ? (outlines, null) : ([], "not OPML: no <opml> element");
        }
        catch (XmlException e)
        {
            return (outlines, $"not well-formed XML at line {e.LineNumber}: {e.Message}");
        }
    }

    private static OpmlOutline? ReadOutline(XmlReader xml, Stack<string?> folders)
    {
        var url = Attribute(xml, "xmlUrl") ?? Attribute(xml, "xmlurl") ?? Attribute(xml, "url");
        if (url is null)
        {
            return null;
        }

        // category="/AI,/Privacy/EU" is a list of slash-delimited paths; every part of each is a topic hint.
        var categories = (Attribute(xml, "category") ?? "")
            .Split([',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(folders.Reverse().OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new OpmlOutline(url, Attribute(xml, "title") ?? Attribute(xml, "text"), Attribute(xml, "htmlUrl"), categories);
    }

    private static string? Attribute(XmlReader xml, string name) => xml.GetAttribute(name) is { Length: > 0 } value ? value.Trim() : null;
}
