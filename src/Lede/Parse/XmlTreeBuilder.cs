using System.Xml;

namespace Lede.Parse;

/// <summary>Reads feed XML into an <see cref="XmlNode"/> tree: strictly first, then repaired, then whatever was read before the break.</summary>
internal static class XmlTreeBuilder
{
    /// <summary>Cap on characters from entity expansion: billion-laughs documents stop here, not in memory.</summary>
    private const long MaxEntityCharacters = 1_000_000;

    /// <summary>Feeds nest a dozen levels; hundreds is an attack on every recursive step after this one.</summary>
    private const int MaxDepth = 128;

    private static readonly XmlReaderSettings Settings = new()
    {
        // Ignore, not Prohibit: a legitimate DOCTYPE (RSS 0.91's Netscape DTD) must not fail the feed.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxEntityCharacters,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
    };

    /// <summary>The root element, or null when the text holds no element at all.</summary>
    public static XmlNode? Build(string text, List<ParseWarning> warnings)
    {
        var start = StartOfMarkup(text);
        if (start < 0) return null;
        if (start > 0)
        {
            if (!string.IsNullOrWhiteSpace(text[..start]) && text[0] != '\uFEFF')
            {
                warnings.Add(new("xml", $"skipped {start} characters before the first tag"));
            }

            text = text[start..];
        }

        // A well-formed document the fast scanner is sure of needs no System.Xml pass.
        if (XmlScanner.TryRead(text) is { } scanned) return scanned;
        var (root, error) = TryRead(text);
        if (error is null) return root;
        if (root is not null && error.Contains("end of file", StringComparison.OrdinalIgnoreCase))
        {
            // A truncated document: keep the complete elements; readers drop the item that was cut.
            warnings.Add(new("xml", $"document cut off ({error}); kept what was complete"));
            return root;
        }

        var repaired = XmlRepair.Repair(text, out var repairs);
        var (again, error2) = TryRead(repaired);
        if (error2 is null)
        {
            warnings.Add(new("xml", $"not well-formed ({error}); repaired: {repairs}"));
            return again;
        }

        // Keep the larger of the two partial trees: a truncated feed still yields its complete items.
        warnings.Add(new("xml", $"not well-formed ({error2}); kept what was read before the error"));
        return again ?? root;
    }

    /// <summary>The root element of a well-formed document read straight from its bytes (see <see cref="FeedDecoder.TryXmlBytes(ReadOnlyMemory{byte}, string?, out ReadOnlyMemory{byte})"/>); null when it is not well-formed.</summary>
    public static XmlNode? TryBuildStrict(ReadOnlyMemory<byte> bytes)
    {
        var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        XmlNode? root = null;
        try
        {
            using (stream)
            using (var reader = XmlReader.Create(stream, Settings, Context()))
            {
                Read(reader, new List<XmlNode>(16), ref root);
            }

            return root;
        }
        catch (Exception e) when (e is XmlException or ArgumentException or NotSupportedException or System.Text.DecoderFallbackException)
        {
            // Anything the strict reader cannot take gets the text path, with its repairs and warnings.
            return null;
        }
    }

    private static int StartOfMarkup(string text)
    {
        var xmlDecl = text.IndexOf("<?xml", StringComparison.Ordinal);
        var firstTag = text.IndexOf('<');
        if (firstTag < 0) return -1;
        // Junk before the declaration is skipped; a declaration further on is not the document start.
        return xmlDecl >= 0 && !text.AsSpan(0, xmlDecl).ContainsAnyExcept(" \t\r\n\uFEFF") ? xmlDecl
            : xmlDecl >= 0 && xmlDecl < 1024 ? xmlDecl : firstTag;
    }

    private static (XmlNode? Root, string? Error) TryRead(string text)
    {
        XmlNode? root = null;
        var stack = new List<XmlNode>(16);
        try
        {
            using var sr = new StringReader(text);
            using var reader = XmlReader.Create(sr, Settings, Context());
            Read(reader, stack, ref root);
            return (root, null);
        }
        catch (XmlException e)
        {
            return (root, $"line {e.LineNumber}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>A parser context where the usual feed prefixes are in scope, so an undeclared <c>atom:</c> or <c>dc:</c> still reads.</summary>
    private static XmlParserContext Context()
    {
        var names = new NameTable();
        var manager = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in Ns.WellKnownPrefixes) manager.AddNamespace(prefix, uri);
        return new XmlParserContext(names, manager, null, XmlSpace.None);
    }

    private static void Read(XmlReader reader, List<XmlNode> stack, ref XmlNode? root)
    {
        // Elements nested deeper than the cap are flattened: their text joins the deepest kept element.
        var flattened = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when stack.Count >= MaxDepth:
                    if (!reader.IsEmptyElement) flattened++;
                    break;
                case XmlNodeType.EndElement when flattened > 0:
                    flattened--;
                    break;
                case XmlNodeType.Element:
                    {
                        var parent = stack.Count > 0 ? stack[^1] : null;
                        var xmlBase = parent?.Base;
                        var node = new XmlNode(reader.LocalName, reader.NamespaceURI, xmlBase);
                        if (reader.HasAttributes)
                        {
                            node = ReadAttributes(reader, node, xmlBase);
                        }

                        if (parent is null)
                        {
                            root ??= node;
                        }
                        else
                        {
                            parent.Add(node);
                        }

                        if (reader.IsEmptyElement) node.Complete = true;
                        else stack.Add(node);
                        break;
                    }

                case XmlNodeType.EndElement:
                    if (stack.Count > 0)
                    {
                        stack[^1].Complete = true;
                        stack.RemoveAt(stack.Count - 1);
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    if (stack.Count > 0) stack[^1].AppendText(Clean(reader.Value));
                    break;
            }
        }
    }

    private static XmlNode ReadAttributes(XmlReader reader, XmlNode node, string? inheritedBase)
    {
        var xmlBase = reader.GetAttribute("xml:base");
        if (xmlBase is not null)
        {
            node = new XmlNode(node.Name, node.Ns, UrlResolver.Resolve(inheritedBase, xmlBase) ?? xmlBase);
        }

        while (reader.MoveToNextAttribute())
        {
            if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns") continue;
            node.AddAttribute(reader.LocalName, Clean(reader.Value));
        }

        reader.MoveToElement();
        return node;
    }

    /// <summary>
    /// Drops characters XML forbids (NUL, most C0 controls, U+FFFE/U+FFFF) that the lenient reader lets through, and reads
    /// C1 controls (U+0080-U+009F, from "&amp;#146;" and the like) as the windows-1252 characters their authors meant.
    /// </summary>
    internal static string Clean(string text)
    {
        if (!NeedsCleaning(text)) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u0080' and <= '\u009F')
            {
                var mapped = Windows1252.GetString([(byte)c]);
                sb.Append(mapped[0] is >= '\u0080' and <= '\u009F' ? "" : mapped);
            }
            else if (c >= ' ' ? c is not ('\uFFFE' or '\uFFFF') : c is '\t' or '\n' or '\r')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static readonly System.Text.Encoding Windows1252 = CodePages1252();

    /// <summary>Whether <see cref="Clean"/> would change <paramref name="text"/>: C1 controls, U+FFFE/U+FFFF, C0 controls but tab and line ends.</summary>
    /// <remarks>
    /// One vectorized pass tests the three ranges together (this runs on nearly all of a feed's text); a block that holds a
    /// candidate, usually just a line feed, is looked at character by character.
    /// </remarks>
    internal static bool NeedsCleaning(ReadOnlySpan<char> text)
    {
        var units = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text);
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<ushort>.Count;
            var c1 = new System.Numerics.Vector<ushort>(0x80);
            var span = new System.Numerics.Vector<ushort>(0x20);
            var nonCharacters = new System.Numerics.Vector<ushort>(0xFFFE);
            for (; i <= units.Length - width; i += width)
            {
                var v = new System.Numerics.Vector<ushort>(units[i..]);
                // Unsigned: v - 0x80 < 0x20 is exactly 0x80-0x9F.
                var candidates = System.Numerics.Vector.LessThan(v - c1, span) | System.Numerics.Vector.LessThan(v, span)
                                 | System.Numerics.Vector.GreaterThanOrEqual(v, nonCharacters);
                if (candidates != System.Numerics.Vector<ushort>.Zero && IsForbidden(text.Slice(i, width))) return true;
            }
        }

        return IsForbidden(text[i..]);
    }

    private static bool IsForbidden(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u0080' and <= '\u009F') or >= '\uFFFE' or (< ' ' and not ('\t' or '\n' or '\r'))) return true;
        }

        return false;
    }

    private static System.Text.Encoding CodePages1252()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }
}
