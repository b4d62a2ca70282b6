using System.Buffers;
using System.Text;

namespace Lede.Parse;

/// <summary>
/// A strict, allocation-light XML reader for well-formed feeds: one pass over the decoded text builds the same
/// <see cref="XmlNode"/> tree as the System.Xml path, and anything doubtful gives null so that path still decides.
/// </summary>
/// <remarks>
/// No DTD processing by construction: a DOCTYPE with an internal subset is doubtful, and a reference to any entity but the
/// five predefined ones is doubtful, so billion laughs and external entities never expand here.
/// Elements nested deeper than 128 are flattened into the deepest kept element, as <see cref="XmlTreeBuilder"/> does.
/// </remarks>
internal ref partial struct XmlScanner
{
    /// <summary>Same cap as <see cref="XmlTreeBuilder"/>: deeper elements are flattened, their text kept.</summary>
    private const int MaxDepth = 128;

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("<&\r]");
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n");
    private static readonly string[] DeclarationNames = ["version", "encoding", "standalone"];
    private static readonly SearchValues<char> EncodingNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    private readonly ReadOnlySpan<char> _s;
    private readonly XmlNames _names;
    private readonly List<(string Prefix, string Uri)> _bindings = new(16);
    private readonly List<Open> _open = new(16);
    private readonly List<Attribute> _attributes = new(8);
    private readonly StringBuilder _value = new();

    // The decoded document is _buffer.Chars[.._s.Length]; text that had to be rebuilt is written after it, from _arenaStart.
    private readonly XmlTextBuffer _buffer;
    private readonly char[] _chars;
    private int _arena;
    private int _builtStart;

    // Pending text of the current element: a slice of the source while no character needed changing, else in _text.
    private int _runStart = -1;
    private int _runEnd;
    private bool _textBuilt;
    private XmlNode? _root;

    // False while no character XML forbids (or a C1 control) can be in any text or attribute value: the whole document was
    // checked once, and a reference to a C1 control sets it. Saves the check on every piece of text.
    private bool _mayNeedCleaning;

    private XmlScanner(XmlTextBuffer buffer, int length, bool mayNeedCleaning)
    {
        _buffer = buffer;
        _chars = buffer.Chars;
        _s = _chars.AsSpan(0, length);
        _arena = length;
        _mayNeedCleaning = mayNeedCleaning;
        _names = XmlNames.ForThread();
        _bindings.Add(("xml", Ns.Xml));
        foreach (var (prefix, uri) in Ns.WellKnownPrefixes) _bindings.Add((prefix, uri));
        _bindings.Add(("", ""));
    }

    /// <summary>Buffers up to this many characters are kept for the thread's next feed; a rare huge feed's is not.</summary>
    private const int MaxKeptBuffer = 8 * 1024 * 1024;

    [ThreadStatic]
    private static XmlTextBuffer? _threadBuffer;

    /// <summary>
    /// The root element of XML <paramref name="bytes"/> in <paramref name="encoding"/> (UTF-8 or an ASCII-compatible single-byte
    /// charset, see <see cref="FeedDecoder.TryXmlBytes(ReadOnlyMemory{byte}, string?, out ReadOnlyMemory{byte}, out Encoding)"/>)
    /// when it is well-formed and this reader is sure of it; otherwise null.
    /// </summary>
    /// <remarks>
    /// The bytes are decoded into a buffer the thread reuses, so no feed becomes one large string, and element text stays in
    /// it until asked for: the tree must be read before the thread scans its next feed (a stale read throws).
    /// </remarks>
    public static XmlNode? TryRead(ReadOnlySpan<byte> bytes, System.Text.Encoding encoding) => TryRead(bytes, encoding, out _);

    /// <summary>As <see cref="TryRead(ReadOnlySpan{byte}, System.Text.Encoding)"/>; <paramref name="decoded"/> is false when UTF-8 bytes were not valid UTF-8.</summary>
    public static XmlNode? TryRead(ReadOnlySpan<byte> bytes, System.Text.Encoding encoding, out bool decoded)
    {
        // Decoding never yields more characters than bytes, and rebuilt text is never longer than what it was read from.
        var needed = 2 * bytes.Length;
        var buffer = _threadBuffer;
        if (buffer is null || buffer.Chars.Length < needed) buffer = new XmlTextBuffer(Math.Max(needed, 128 * 1024));
        buffer.Reuse();
        _threadBuffer = buffer.Chars.Length <= MaxKeptBuffer ? buffer : _threadBuffer;
        var length = FeedDecoder.DecodeXml(bytes, encoding, buffer.Chars.AsSpan(0, bytes.Length));
        decoded = length >= 0;
        if (!decoded) return null;
        var chars = buffer.Chars.AsSpan(0, length);
        var mayNeedCleaning = encoding.CodePage == Encoding.UTF8.CodePage ? MayNeedCleaning(bytes) : XmlTreeBuilder.NeedsCleaning(chars);
        return new XmlScanner(buffer, length, mayNeedCleaning).Read();
    }

    /// <summary>The root element of <paramref name="text"/> when it is a well-formed document this reader is sure of; otherwise null.</summary>
    /// <remarks>The text is copied into a buffer of the tree's own, so the tree stays readable as long as it is kept.</remarks>
    public static XmlNode? TryRead(ReadOnlySpan<char> text)
    {
        var buffer = new XmlTextBuffer(Math.Max(2 * text.Length, 16));
        text.CopyTo(buffer.Chars);
        return new XmlScanner(buffer, text.Length, XmlTreeBuilder.NeedsCleaning(text)).Read();
    }

    /// <summary>The bytes that can start a character <see cref="XmlTreeBuilder.NeedsCleaning"/> looks for, in valid UTF-8: C0 controls but tab and line ends, C2 (U+0080-U+009F), EF (U+FFFE, U+FFFF).</summary>
    private static readonly SearchValues<byte> Utf8Suspects = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not (9 or 10 or 13)).Select(b => (byte)b), (byte)0xC2, (byte)0xEF]);

    /// <summary>Whether valid UTF-8 <paramref name="bytes"/> may hold a character the text and attribute values must be cleaned of: checked on the bytes, before decoding.</summary>
    private static bool MayNeedCleaning(ReadOnlySpan<byte> bytes)
    {
        while (bytes.IndexOfAny(Utf8Suspects) is var k && k >= 0)
        {
            var rest = bytes[k..];
            if (rest[0] < 0x20) return true;
            // U+0080-U+009F is C2 80-9F; U+FFFE and U+FFFF are EF BF BE and EF BF BF. Other characters with these leads are fine.
            if (rest[0] == 0xC2 ? rest.Length < 2 || rest[1] <= 0x9F : rest.Length < 3 || (rest[1] == 0xBF && rest[2] >= 0xBE)) return true;
            bytes = rest[1..];
        }

        return false;
    }

    private readonly record struct Open(string QName, int Bindings, XmlNode? Node);

    private readonly record struct Attribute(string QName, int Colon, string Value);

    private XmlNode? Read()
    {
        var s = _s;
        var i = s.Length > 0 && s[0] == '\uFEFF' ? 1 : 0;
        if (s[i..].StartsWith("<?xml") && i + 5 < s.Length && IsSpace(s[i + 5]))
        {
            i = Declaration(i + 5);
        }

        var doctype = false;
        while (i >= 0 && i < s.Length)
        {
            if (s[i] != '<')
            {
                i = _open.Count > 0 ? Text(i) : Outside(i);
                continue;
            }

            if (i + 1 >= s.Length) return null;
            switch (s[i + 1])
            {
                case '/':
                    i = EndTag(i + 2);
                    break;
                case '?':
                    i = Instruction(i + 2);
                    break;
                case '!' when Starts(i, "<!--"):
                    i = Comment(i + 4);
                    break;
                case '!' when _open.Count > 0 && Starts(i, "<![CDATA["):
                    i = CData(i + 9);
                    break;
                case '!' when !doctype && _root is null && Starts(i, "<!DOCTYPE"):
                    doctype = true;
                    i = Doctype(i + 9);
                    break;
                case '!':
                    return null;
                default:
                    i = _root is not null && _open.Count == 0 ? -1 : StartTag(i + 1);
                    break;
            }
        }

        return i < 0 || _open.Count > 0 ? null : _root;
    }

    /// <summary>Outside the root only whitespace may stand between markup.</summary>
    private int Outside(int i)
    {
        var k = _s[i..].IndexOfAnyExcept(Whitespace);
        if (k < 0) return _s.Length;
        return _s[i + k] == '<' ? i + k : -1;
    }

    private readonly bool Starts(int i, string what) => _s[i..].StartsWith(what);

    private readonly int IndexOf(string what, int from)
    {
        var k = _s[from..].IndexOf(what, StringComparison.Ordinal);
        return k < 0 ? -1 : from + k;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private int SkipSpace(int i)
    {
        var k = _s[i..].IndexOfAnyExcept(Whitespace);
        return k < 0 ? _s.Length : i + k;
    }

    /// <summary>The XML declaration: version first, then optional encoding and standalone, nothing else.</summary>
    private int Declaration(int i)
    {
        var end = IndexOf("?>", i);
        if (end < 0) return -1;
        var decl = _s.Slice(i, end - i).Trim(" \t\r\n");
        var next = 0;
        var first = true;
        while (!decl.IsEmpty)
        {
            var eq = decl.IndexOf('=');
            if (eq <= 0) return -1;
            var name = decl[..eq].TrimEnd(" \t\r\n");
            while (next < DeclarationNames.Length && !name.SequenceEqual(DeclarationNames[next])) next++;
            if (next == DeclarationNames.Length || (first && next != 0)) return -1;
            first = false;
            next++;
            var rest = decl[(eq + 1)..].TrimStart(" \t\r\n");
            if (rest.IsEmpty || rest[0] is not ('"' or '\'')) return -1;
            var close = rest[1..].IndexOf(rest[0]);
            if (close < 0) return -1;
            var value = rest.Slice(1, close);
            if (!IsDeclarationValue(DeclarationNames[next - 1], value)) return -1;
            decl = rest[(close + 2)..];
            if (!decl.IsEmpty && !IsSpace(decl[0])) return -1;
            decl = decl.TrimStart(" \t\r\n");
        }

        return first ? -1 : end + 2;
    }

    /// <summary>version 1.x, an encoding name, standalone yes or no: what System.Xml accepts, so a doubtful declaration gets its verdict.</summary>
    private static bool IsDeclarationValue(string name, ReadOnlySpan<char> value) => name switch
    {
        "version" => value.Length >= 3 && value.StartsWith("1.") && !value[2..].ContainsAnyExceptInRange('0', '9'),
        "encoding" => value.Length > 0 && char.IsAsciiLetter(value[0]) && !value.ContainsAnyExcept(EncodingNameChars),
        _ => value is "yes" or "no",
    };

    private int Instruction(int i)
    {
        var nameEnd = ScanName(i);
        if (nameEnd == i || _s.Slice(i, nameEnd - i).Equals("xml", StringComparison.OrdinalIgnoreCase)) return -1;
        var end = IndexOf("?>", nameEnd);
        if (end < 0 || (end > nameEnd && !IsSpace(_s[nameEnd]))) return -1;
        return end + 2;
    }

    private int Comment(int i)
    {
        var end = IndexOf("--", i);
        if (end < 0 || end + 2 >= _s.Length || _s[end + 2] != '>') return -1;
        return end + 3;
    }

    /// <summary>A DOCTYPE with a name and an optional external id is skipped; an internal subset is left to the System.Xml path.</summary>
    private int Doctype(int i)
    {
        if (i >= _s.Length || !IsSpace(_s[i])) return -1;
        var quote = '\0';
        for (var j = i; j < _s.Length; j++)
        {
            var c = _s[j];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }
            else if (c is '[' or '<')
            {
                return -1;
            }
        }

        return -1;
    }
}
