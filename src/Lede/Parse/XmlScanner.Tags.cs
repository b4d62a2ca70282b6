using System.Buffers;

namespace Lede.Parse;

/// <summary>Start and end tags: names, attributes, namespace scopes, the tree.</summary>
internal ref partial struct XmlScanner
{
    // ASCII names only: a name with other characters is rare enough in feeds to leave to the System.Xml path.
    private const int MaxAttributes = 64;
    private const int MaxBindings = 256;

    private static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:");

    /// <summary>The end of the name starting at <paramref name="i"/>; <paramref name="i"/> itself when there is none.</summary>
    private int ScanName(int i)
    {
        if (i >= _s.Length || !(char.IsAsciiLetter(_s[i]) || _s[i] == '_')) return i;
        var k = _s[i..].IndexOfAnyExcept(NameChars);
        return k < 0 ? _s.Length : i + k;
    }

    /// <summary>Where the prefix ends in a qualified name, -1 without one; -2 when the colons make it no QName.</summary>
    private static int ColonOf(ReadOnlySpan<char> qname)
    {
        var colon = qname.IndexOf(':');
        if (colon < 0) return -1;
        return colon == 0 || colon == qname.Length - 1 || qname[(colon + 1)..].Contains(':') || !char.IsAsciiLetter(qname[colon + 1]) && qname[colon + 1] != '_' ? -2 : colon;
    }

    private int StartTag(int i)
    {
        var nameEnd = ScanName(i);
        if (nameEnd == i) return -1;
        var qnameSpan = _s.Slice(i, nameEnd - i);
        var colon = ColonOf(qnameSpan);
        if (colon == -2) return -1;
        var j = Attributes(nameEnd, out var empty);
        if (j < 0) return -1;

        var parent = Deepest();
        Flush(parent);
        var bindingsBefore = _bindings.Count;
        if (!DeclareNamespaces()) return -1;
        var uri = Resolve(colon < 0 ? "" : qnameSpan[..colon]);
        if (uri is null || (colon >= 0 && qnameSpan[..colon].SequenceEqual("xmlns"))) return -1;
        if (!CheckAttributes()) return -1;

        var qname = _names.Get(qnameSpan);
        XmlNode? node = null;
        if (_open.Count < MaxDepth)
        {
            node = Element(colon < 0 ? qname : _names.Get(qnameSpan[(colon + 1)..]), uri, parent);
            if (parent is null) _root = node;
            else parent.Add(node);
        }

        if (empty)
        {
            if (node is not null) node.Complete = true;
            _bindings.RemoveRange(bindingsBefore, _bindings.Count - bindingsBefore);
        }
        else
        {
            _open.Add(new Open(qname, bindingsBefore, node));
        }

        return j;
    }

    /// <summary>The element with its attributes; xml:base resolved against the inherited base as the System.Xml path does.</summary>
    private XmlNode Element(string local, string uri, XmlNode? parent)
    {
        var xmlBase = parent?.Base;
        foreach (var a in _attributes)
        {
            if (a.QName == "xml:base")
            {
                xmlBase = UrlResolver.Resolve(xmlBase, a.Value) ?? a.Value;
                break;
            }
        }

        var node = new XmlNode(local, uri, xmlBase);
        foreach (var a in _attributes)
        {
            if (IsNamespaceDeclaration(a)) continue;
            node.AddAttribute(a.Colon < 0 ? a.QName : _names.Get(a.QName.AsSpan(a.Colon + 1)), _mayNeedCleaning ? XmlTreeBuilder.Clean(a.Value) : a.Value);
        }

        return node;
    }

    private static bool IsNamespaceDeclaration(Attribute a)
        => a.Colon < 0 ? a.QName == "xmlns" : a.Colon == 5 && a.QName.StartsWith("xmlns", StringComparison.Ordinal);

    /// <summary>Reads the attributes up to '&gt;' or '/&gt;' into <see cref="_attributes"/>.</summary>
    private int Attributes(int i, out bool empty)
    {
        empty = false;
        _attributes.Clear();
        while (true)
        {
            var j = SkipSpace(i);
            if (j >= _s.Length) return -1;
            if (_s[j] == '>') return j + 1;
            if (_s[j] == '/')
            {
                empty = true;
                return j + 1 < _s.Length && _s[j + 1] == '>' ? j + 2 : -1;
            }

            // Attributes are separated by whitespace.
            if (j == i) return -1;
            var nameEnd = ScanName(j);
            if (nameEnd == j) return -1;
            var qname = _s.Slice(j, nameEnd - j);
            var colon = ColonOf(qname);
            if (colon == -2) return -1;
            var eq = SkipSpace(nameEnd);
            if (eq >= _s.Length || _s[eq] != '=') return -1;
            var quote = SkipSpace(eq + 1);
            if (quote >= _s.Length || _s[quote] is not ('"' or '\'')) return -1;
            i = AttributeValue(quote, out var value);
            // Duplicates are checked pairwise: hundreds of attributes are an attack, left to System.Xml's hashing.
            if (i < 0 || _attributes.Count >= MaxAttributes) return -1;
            _attributes.Add(new Attribute(_names.Get(qname), colon, value));
        }
    }

    private bool DeclareNamespaces()
    {
        foreach (var a in _attributes)
        {
            if (!IsNamespaceDeclaration(a)) continue;
            var prefix = a.Colon < 0 ? "" : a.QName[6..];
            // xmlns:p="" is not allowed in XML 1.0, and the reserved prefixes must not be rebound.
            if (prefix.Length > 0 && a.Value.Length == 0) return false;
            if (prefix is "xml" or "xmlns" || a.Value is Ns.Xml or "http://www.w3.org/2000/xmlns/") return false;
            // Prefixes are looked up by a walk back through the scopes; thousands of declarations are left to System.Xml.
            if (_bindings.Count >= MaxBindings) return false;
            _bindings.Add((prefix, _names.Get(a.Value)));
        }

        return true;
    }

    /// <summary>Every attribute prefix declared, no attribute twice (by name or by namespace and local name).</summary>
    private bool CheckAttributes()
    {
        for (var k = 0; k < _attributes.Count; k++)
        {
            var a = _attributes[k];
            var uri = a.Colon < 0 || IsNamespaceDeclaration(a) ? "" : Resolve(a.QName.AsSpan(0, a.Colon));
            if (uri is null) return false;
            for (var m = 0; m < k; m++)
            {
                var b = _attributes[m];
                if (ReferenceEquals(a.QName, b.QName)) return false;
                if (a.Colon >= 0 && b.Colon >= 0 && !IsNamespaceDeclaration(a) && !IsNamespaceDeclaration(b)
                    && a.QName.AsSpan(a.Colon).SequenceEqual(b.QName.AsSpan(b.Colon)) && Resolve(b.QName.AsSpan(0, b.Colon)) == uri)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private string? Resolve(ReadOnlySpan<char> prefix)
    {
        for (var k = _bindings.Count - 1; k >= 0; k--)
        {
            if (prefix.SequenceEqual(_bindings[k].Prefix)) return _bindings[k].Uri;
        }

        return null;
    }

    /// <summary>The element text goes to: the innermost open one, or the deepest kept one inside flattened elements.</summary>
    private XmlNode? Deepest() => _open.Count == 0 ? null : _open[Math.Min(_open.Count, MaxDepth) - 1].Node;

    private int EndTag(int i)
    {
        var nameEnd = ScanName(i);
        if (nameEnd == i || _open.Count == 0) return -1;
        var close = SkipSpace(nameEnd);
        if (close >= _s.Length || _s[close] != '>') return -1;
        var top = _open[^1];
        if (!_s.Slice(i, nameEnd - i).SequenceEqual(top.QName)) return -1;
        Flush(Deepest());
        if (top.Node is not null) top.Node.Complete = true;
        _bindings.RemoveRange(top.Bindings, _bindings.Count - top.Bindings);
        _open.RemoveAt(_open.Count - 1);
        return close + 1;
    }
}
