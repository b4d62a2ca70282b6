namespace Lede.Parse;

/// <summary>An element of a feed document: a small tree built once from a streaming reader, far lighter than XDocument.</summary>
internal sealed class XmlNode(string name, string ns, string? xmlBase)
{
    private List<XmlNode>? _children;
    private List<KeyValuePair<string, string>>? _attributes;
    private List<object>? _mixed;

    // HTML elements that have no end tag: "<br></br>" would read as two line breaks.
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>The local name, as written (RSS is case-sensitive in theory, not in practice).</summary>
    public string Name { get; } = name;
    public string Ns { get; } = ns;
    /// <summary>The effective xml:base of the element, if any ancestor or itself set one.</summary>
    public string? Base { get; } = xmlBase;
    private string _text = "";

    // Text arriving in many pieces (text between thousands of children) is gathered here, not re-concatenated each time.
    private System.Text.StringBuilder? _textBuilder;

    // Text the scanner left in its buffer: a string is made only when a reader asks for one.
    private XmlTextBuffer? _source;
    private int _sourceStart;
    private int _sourceLength;
    private int _sourceVersion;

    /// <summary>The concatenated text of the element's own text children; for mixed content, <see cref="InnerMarkup"/>.</summary>
    public string Text
    {
        get
        {
            Materialize();
            if (_textBuilder is not null)
            {
                _text = _textBuilder.ToString();
                _textBuilder = null;
            }

            return _text;
        }
    }

    /// <summary>True when the element holds child elements (e.g. unescaped HTML or xhtml content).</summary>
    /// <summary>False for an element the document ended inside (a truncated feed).</summary>
    public bool Complete { get; set; }

    public bool HasChildren => _children is { Count: > 0 };

    /// <summary>The element's own text where it lies, without making a string of it when the scanner left it in its buffer.</summary>
    public ReadOnlySpan<char> TextSpan => _source is not null ? _source.Slice(_sourceStart, _sourceLength, _sourceVersion) : Text.AsSpan();

    /// <summary>Text that is a slice of the scanner's buffer; kept as a slice while it is the element's only text.</summary>
    public void AppendText(XmlTextBuffer source, int start, int length)
    {
        if (length == 0) return;
        if (_source is null && _mixed is null && _children is null && _textBuilder is null && _text.Length == 0)
        {
            (_source, _sourceStart, _sourceLength, _sourceVersion) = (source, start, length, source.Version);
            return;
        }

        AppendText(new string(source.Slice(start, length, source.Version)));
    }

    private void Materialize()
    {
        if (_source is null) return;
        _text = new string(_source.Slice(_sourceStart, _sourceLength, _sourceVersion));
        _source = null;
    }

    public void AppendText(string text)
    {
        Materialize();
        if (_textBuilder is not null)
        {
            _textBuilder.Append(text);
        }
        else if (_text.Length == 0)
        {
            _text = text;
        }
        else if (text.Length > 0)
        {
            _textBuilder = new System.Text.StringBuilder(_text, 2 * (_text.Length + text.Length));
            _textBuilder.Append(text);
        }

        if (_mixed is not null)
        {
            _mixed.Add(text);
        }
        else if (_children is { Count: > 0 } && text.Length > 0)
        {
            // Text after children: from now on the order of text and children is kept (until now it was all children).
            _mixed = new List<object>(_children.Count + 4);
            _mixed.AddRange(_children);
            _mixed.Add(text);
        }
    }

    /// <summary>The element's content serialized back to markup, text escaped, children in document order.</summary>
    public string InnerMarkup()
    {
        if (_mixed is null && _children is null) return System.Net.WebUtility.HtmlEncode(Text);
        var sb = new System.Text.StringBuilder();
        WriteInner(sb);
        return sb.ToString();
    }

    private void WriteInner(System.Text.StringBuilder sb)
    {
        foreach (var part in _mixed ?? (_children is null ? [Text] : (IEnumerable<object>)_children))
        {
            if (part is string s)
            {
                sb.Append(System.Net.WebUtility.HtmlEncode(s));
                continue;
            }

            var c = (XmlNode)part;
            sb.Append('<').Append(c.Name);
            foreach (var (k, v) in c.Attributes)
            {
                sb.Append(' ').Append(k).Append("=\"").Append(System.Net.WebUtility.HtmlEncode(v)).Append('"');
            }

            sb.Append('>');
            if (c._mixed is null && c._children is null && c.Text.Length == 0 && VoidElements.Contains(c.Name)) continue;
            c.WriteInner(sb);
            sb.Append("</").Append(c.Name).Append('>');
        }
    }
    public IReadOnlyList<XmlNode> Children => _children ?? (IReadOnlyList<XmlNode>)[];
    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes ?? (IReadOnlyList<KeyValuePair<string, string>>)[];

    public void Add(XmlNode child)
    {
        // Children alone need no order list: it is made when text and children first meet.
        if (_mixed is not null)
        {
            _mixed.Add(child);
        }
        else if (_source is not null || _textBuilder is not null || _text.Length > 0)
        {
            _mixed = new List<object>(4) { Text, child };
        }

        (_children ??= new List<XmlNode>(8)).Add(child);
    }

    public void AddAttribute(string localName, string value) => (_attributes ??= []).Add(new(localName, value));

    public string? Attr(string localName)
    {
        if (_attributes is null) return null;
        foreach (var (k, v) in _attributes)
        {
            if (string.Equals(k, localName, StringComparison.OrdinalIgnoreCase)) return v;
        }

        return null;
    }

    /// <summary>Whether the element is <paramref name="local"/> in namespace <paramref name="ns"/> (null: any namespace).</summary>
    public bool Is(string local, string? ns = null)
        => string.Equals(Name, local, StringComparison.OrdinalIgnoreCase) && (ns is null || Ns == ns);

    public XmlNode? Child(string local, string? ns = null)
    {
        if (_children is null) return null;
        foreach (var c in _children)
        {
            if (c.Is(local, ns)) return c;
        }

        return null;
    }

    public IEnumerable<XmlNode> All(string local, string? ns = null)
    {
        if (_children is null) yield break;
        foreach (var c in _children)
        {
            if (c.Is(local, ns)) yield return c;
        }
    }

    /// <summary>The trimmed text of the first child named <paramref name="local"/>, or null when absent or empty.</summary>
    public string? ChildText(string local, string? ns = null)
    {
        var t = Child(local, ns)?.Text.Trim();
        return string.IsNullOrEmpty(t) ? null : t;
    }
}
