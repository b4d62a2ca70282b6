using System.Buffers;

namespace Lede.Parse;

/// <summary>Character data: text, CDATA, references and attribute values, normalized as System.Xml normalizes them.</summary>
internal ref partial struct XmlScanner
{
    private static readonly SearchValues<char> DoubleQuoted = SearchValues.Create("\"&<\t\n\r");
    private static readonly SearchValues<char> SingleQuoted = SearchValues.Create("'&<\t\n\r");

    /// <summary>Attribute values and whitespace up to this length are shared through the name table: "alternate", "text/html", "\n    ".</summary>
    private const int InternedLength = 24;

    private int Text(int i)
    {
        var s = _s;
        while (true)
        {
            var k = s[i..].IndexOfAny(TextSpecials);
            // The document ends inside an element.
            if (k < 0) return -1;
            var j = i + k;
            AppendRaw(i, j);
            switch (s[j])
            {
                case '<':
                    return j;
                case '&':
                    if (!TryReference(j, out i, out var code)) return -1;
                    AppendCode(code);
                    break;
                case '\r':
                    AppendCode('\n');
                    i = j + 1 < s.Length && s[j + 1] == '\n' ? j + 2 : j + 1;
                    break;
                default:
                    // ']]>' may not stand in text.
                    if (Starts(j, "]]>")) return -1;
                    AppendRaw(j, j + 1);
                    i = j + 1;
                    break;
            }
        }
    }

    private int CData(int i)
    {
        var end = IndexOf("]]>", i);
        if (end < 0) return -1;
        while (i < end)
        {
            var cr = _s.Slice(i, end - i).IndexOf('\r');
            if (cr < 0)
            {
                AppendRaw(i, end);
                break;
            }

            AppendRaw(i, i + cr);
            AppendCode('\n');
            i += cr + 1;
            if (i < end && _s[i] == '\n') i++;
        }

        return end + 3;
    }

    /// <summary>A quoted attribute value with references read and whitespace characters turned to spaces (attribute-value normalization).</summary>
    private int AttributeValue(int quote, out string value)
    {
        var s = _s;
        var q = s[quote];
        var specials = q == '"' ? DoubleQuoted : SingleQuoted;
        var i = quote + 1;
        var k = s[i..].IndexOfAny(specials);
        value = "";
        if (k < 0) return -1;
        if (s[i + k] == q)
        {
            value = k <= InternedLength ? _names.Get(s.Slice(i, k)) : s.Slice(i, k).ToString();
            return i + k + 1;
        }

        _value.Clear();
        while (k >= 0)
        {
            var j = i + k;
            _value.Append(s.Slice(i, k));
            var c = s[j];
            if (c == q)
            {
                value = _value.ToString();
                return j + 1;
            }

            switch (c)
            {
                case '<':
                    return -1;
                case '&':
                    if (!TryReference(j, out i, out var code)) return -1;
                    NoteCode(code);
                    if (code <= char.MaxValue) _value.Append((char)code);
                    else _value.Append(char.ConvertFromUtf32(code));
                    break;
                case '\r':
                    _value.Append(' ');
                    i = j + 1 < s.Length && s[j + 1] == '\n' ? j + 2 : j + 1;
                    break;
                default:
                    _value.Append(' ');
                    i = j + 1;
                    break;
            }

            k = s[i..].IndexOfAny(specials);
        }

        return -1;
    }

    /// <summary>A character reference or one of the five predefined entities; false for anything else (undeclared entities are the repair path's).</summary>
    private bool TryReference(int at, out int next, out int code)
    {
        var s = _s;
        next = -1;
        code = 0;
        var p = at + 1;
        if (p < s.Length && s[p] == '#')
        {
            p++;
            var hex = p < s.Length && s[p] == 'x';
            if (hex) p++;
            var start = p;
            long v = 0;
            while (p < s.Length && p - start < 8 && (hex ? char.IsAsciiHexDigit(s[p]) : char.IsAsciiDigit(s[p])))
            {
                v = (v * (hex ? 16 : 10)) + (s[p] <= '9' ? s[p] - '0' : (s[p] | 0x20) - 'a' + 10);
                p++;
            }

            if (p == start || p >= s.Length || s[p] != ';') return false;
            // Characters XML does not allow: the System.Xml path decides what they become.
            if (v is (< 0x20 and not (9 or 10 or 13)) or (>= 0xD800 and <= 0xDFFF) or 0xFFFE or 0xFFFF or > 0x10FFFF) return false;
            code = (int)v;
            next = p + 1;
            return true;
        }

        // Escaped HTML is mostly these five: dispatched on the first letter, not tried one by one.
        var rest = s[p..];
        (code, var length) = rest.Length < 3 ? (0, 0) : rest[0] switch
        {
            'l' when rest[1] == 't' && rest[2] == ';' => ('<', 3),
            'g' when rest[1] == 't' && rest[2] == ';' => ('>', 3),
            'a' when rest.StartsWith("amp;") => ('&', 4),
            'q' when rest.StartsWith("quot;") => ('"', 5),
            'a' when rest.StartsWith("apos;") => ('\'', 5),
            _ => (0, 0),
        };
        if (length == 0) return false;
        next = p + length;
        return true;
    }

    private void AppendRaw(int start, int end)
    {
        if (start == end) return;
        if (_textBuilt)
        {
            _s[start..end].CopyTo(_chars.AsSpan(_arena));
            _arena += end - start;
        }
        else if (_runStart < 0)
        {
            _runStart = start;
            _runEnd = end;
        }
        else if (_runEnd == start)
        {
            _runEnd = end;
        }
        else
        {
            StartBuilding();
            _s[start..end].CopyTo(_chars.AsSpan(_arena));
            _arena += end - start;
        }
    }

    /// <summary>A character a reference produced: the C1 controls (the only ones TryReference lets through that need cleaning) turn the check back on.</summary>
    private void NoteCode(int code) => _mayNeedCleaning |= code is >= 0x80 and <= 0x9F;

    private void AppendCode(int code)
    {
        NoteCode(code);
        if (!_textBuilt) StartBuilding();
        if (code <= char.MaxValue)
        {
            _chars[_arena++] = (char)code;
        }
        else
        {
            _arena += new System.Text.Rune(code).EncodeToUtf16(_chars.AsSpan(_arena));
        }
    }

    /// <summary>From here on the pending text is written after the document: a reference or a line end changed it.</summary>
    private void StartBuilding()
    {
        _builtStart = _arena;
        if (_runStart >= 0)
        {
            _s[_runStart.._runEnd].CopyTo(_chars.AsSpan(_arena));
            _arena += _runEnd - _runStart;
        }

        _runStart = -1;
        _textBuilt = true;
    }

    /// <summary>Hands the pending text to <paramref name="node"/> as a slice of the buffer, cleaned as the System.Xml path cleans it.</summary>
    private void Flush(XmlNode? node)
    {
        var (start, length) = _textBuilt ? (_builtStart, _arena - _builtStart) : _runStart >= 0 ? (_runStart, _runEnd - _runStart) : (0, 0);
        _runStart = -1;
        _textBuilt = false;
        if (length == 0 || node is null) return;
        var text = _chars.AsSpan(start, length);
        // Characters XML forbids are rare: those texts become strings and are cleaned as the System.Xml path cleans them.
        if (_mayNeedCleaning && XmlTreeBuilder.NeedsCleaning(text)) node.AppendText(XmlTreeBuilder.Clean(text.ToString()));
        else node.AppendText(_buffer, start, length);
    }
}
