using System.Text;

namespace Lede.Text;

public static partial class HtmlSanitizer
{
    /// <summary>What a pass reuses from item to item on one thread: the output builder and the stacks.</summary>
    private sealed class Buffers
    {
        public CharBuffer Out { get; } = new();
        public Element[] Open { get; } = new Element[MaxDepth];
        public List<(int NameStart, int NameLength, int ValueStart, int ValueLength)> Attributes { get; } = [];
    }

    /// <summary>
    /// One left-to-right pass that tokenizes as HTML5 does (tags, attributes, references, comments, raw-text elements) and
    /// writes the allowlisted result as it goes. Linear in the input however deep or broken the markup.
    /// </summary>
    private ref struct Pass
    {
        private readonly ReadOnlySpan<char> _html;
        private readonly string? _baseUrl;
        private readonly CharBuffer _out;

        /// <summary>The allowed elements open, outermost first: <see cref="_depth"/> of them.</summary>
        private readonly Element[] _open;
        private readonly List<(int NameStart, int NameLength, int ValueStart, int ValueLength)> _attributes;
        private int _depth;
        private Element? _dropping;
        private int _dropDepth;

        public Pass(Buffers buffers, ReadOnlySpan<char> html, string? baseUrl)
        {
            _html = html;
            _baseUrl = baseUrl;
            (_out, _open, _attributes) = (buffers.Out, buffers.Open, buffers.Attributes);
            _out.Clear();
        }

        public string? Sanitize()
        {
            Run();
            return Trimmed();
        }

        private void Run()
        {
            var s = _html;
            var i = 0;
            while (i < s.Length)
            {
                if (_dropping is not null)
                {
                    // Inside a dropped element only markup matters: text and references are skipped unread.
                    var lt = s[i..].IndexOf('<');
                    if (lt < 0) break;
                    i += lt;
                }
                else
                {
                    var stop = s[i..].IndexOfAny(TextStops);
                    if (stop < 0)
                    {
                        _out.Append(s[i..]);
                        break;
                    }

                    _out.Append(s.Slice(i, stop));
                    i += stop;
                    switch (s[i])
                    {
                        case '>':
                            _out.Append("&gt;");
                            i++;
                            continue;
                        case '&':
                            i = Reference(i);
                            continue;
                        case '\0':
                            i++;
                            continue;
                    }
                }

                i = Markup(i);
            }

            Close(0);
        }

        /// <summary>A character reference in text: decoded, then escaped again.</summary>
        private int Reference(int i)
        {
            // The references feeds write most, read and written back as they are.
            var rest = _html[i..];
            if (rest.StartsWith("&amp;", StringComparison.Ordinal))
            {
                _out.Append("&amp;");
                return i + 5;
            }

            if (rest.StartsWith("&lt;", StringComparison.Ordinal) || rest.StartsWith("&gt;", StringComparison.Ordinal))
            {
                _out.Append(rest[..4]);
                return i + 4;
            }

            if (!CharacterReferences.TryRead(_html, i, attribute: false, out var rune, out var end))
            {
                _out.Append("&amp;");
                return i + 1;
            }

            Append(rune, attribute: false);
            return end;
        }

        /// <summary>Whatever starts with '&lt;' at <paramref name="i"/>: a tag, a comment, or just a less-than sign.</summary>
        private int Markup(int i)
        {
            var s = _html;
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (char.IsAsciiLetter(next)) return StartTag(i);
            switch (next)
            {
                case '/' when i + 2 < s.Length && char.IsAsciiLetter(s[i + 2]):
                    return EndTag(i);
                case '/' when i + 2 < s.Length && s[i + 2] == '>':
                    return i + 3;
                case '/' when i + 2 < s.Length:
                    return SkipPast('>', i + 2);
                case '!':
                    return s[i..].StartsWith("<!--", StringComparison.Ordinal) ? SkipComment(i + 4) : SkipPast('>', i + 2);
                case '?':
                    // Processing instructions, <!DOCTYPE> and <![CDATA[ are bogus comments in HTML: gone up to the next '>'.
                    return SkipPast('>', i + 2);
                default:
                    if (_dropping is null) _out.Append("&lt;");
                    return i + 1;
            }
        }

        private readonly int SkipPast(char c, int from)
        {
            var at = _html[from..].IndexOf(c);
            return at < 0 ? _html.Length : from + at + 1;
        }

        /// <summary>Where <paramref name="what"/> next occurs at or after <paramref name="from"/>; -1 when it does not.</summary>
        private readonly int IndexOf(string what, int from)
        {
            var at = _html[from..].IndexOf(what, StringComparison.Ordinal);
            return at < 0 ? -1 : from + at;
        }

        /// <summary>A comment ends at "--&gt;" or "--!&gt;"; "&lt;!--&gt;" and "&lt;!---&gt;" are complete (empty) comments.</summary>
        private readonly int SkipComment(int p)
        {
            var s = _html;
            if (p < s.Length && s[p] == '>') return p + 1;
            if (s[p..].StartsWith("->", StringComparison.Ordinal)) return p + 2;
            for (var dashes = IndexOf("--", p); dashes >= 0; dashes = IndexOf("--", dashes + 1))
            {
                if (dashes + 2 < s.Length && s[dashes + 2] == '>') return dashes + 3;
                if (dashes + 3 < s.Length && s[dashes + 2] == '!' && s[dashes + 3] == '>') return dashes + 4;
            }

            return s.Length;
        }

        private int StartTag(int i)
        {
            var end = ReadTag(i + 1, out var nameStart, out var nameEnd, out var selfClosing);
            // A tag the document ends inside never existed (HTML5 drops it).
            if (end < 0) return _html.Length;
            // An unknown element goes, its content stays.
            if (Lookup(nameStart, nameEnd) is not { } element) return end;
            if (element.IsToEnd) return _html.Length;
            // Raw-text content is skipped even inside a dropped element: "<svg><style></svg>" must not end the svg early.
            // "<textarea/>" is read as empty, as XHTML-minded feeds mean it; what follows is sanitized like any markup.
            if (element.IsRawText) return selfClosing ? end : SkipRawText(end, element.Name);
            if (_dropping is not null)
            {
                if (element == _dropping && !selfClosing) _dropDepth++;
            }
            else if (element.IsDropped)
            {
                if (!selfClosing && !element.IsVoid) (_dropping, _dropDepth) = (element, 1);
            }
            else if (element.IsKept)
            {
                Open(element, selfClosing);
            }

            return end;
        }

        private int EndTag(int i)
        {
            var end = ReadTag(i + 2, out var nameStart, out var nameEnd, out _);
            if (end < 0) return _html.Length;
            if (Lookup(nameStart, nameEnd) is not { } element) return end;
            if (_dropping is not null)
            {
                if (element == _dropping && --_dropDepth == 0) _dropping = null;
            }
            else if (LastOpen(element) is var at && at >= 0)
            {
                Close(at);
            }

            return end;
        }

        /// <summary>Skips the content of a raw-text element and its end tag: only "&lt;/name" followed by a space, '/' or '&gt;' ends it.</summary>
        private int SkipRawText(int from, string name)
        {
            var s = _html;
            for (var at = IndexOf("</", from); at >= 0; at = IndexOf("</", at + 2))
            {
                var after = at + 2 + name.Length;
                if (after < s.Length && s.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                    && (IsSpace(s[after]) || s[after] is '/' or '>'))
                {
                    var end = ReadTag(at + 2, out _, out _, out _);
                    return end < 0 ? s.Length : end;
                }
            }

            return s.Length;
        }

        /// <summary>
        /// Reads a tag's name and attributes (kept as positions in <see cref="_attributes"/>) from <paramref name="p"/>, its name;
        /// returns the index after its '&gt;', or -1 when the document ends first.
        /// </summary>
        private int ReadTag(int p, out int nameStart, out int nameEnd, out bool selfClosing)
        {
            var s = _html;
            nameStart = p;
            while (p < s.Length && !IsSpace(s[p]) && s[p] is not ('/' or '>')) p++;
            nameEnd = p;
            selfClosing = false;
            _attributes.Clear();
            while (true)
            {
                while (p < s.Length && IsSpace(s[p])) p++;
                if (p >= s.Length) return -1;
                if (s[p] == '>') return p + 1;
                if (s[p] == '/')
                {
                    // "/>" closes the tag; a '/' anywhere else between attributes is ignored.
                    if (p + 1 < s.Length && s[p + 1] == '>')
                    {
                        selfClosing = true;
                        return p + 2;
                    }

                    p++;
                    continue;
                }

                // The first character of a name may be anything, even '=' (HTML5 "unexpected equals sign").
                var attrStart = p++;
                while (p < s.Length && !IsSpace(s[p]) && s[p] is not ('/' or '>' or '=')) p++;
                var attrLength = p - attrStart;
                while (p < s.Length && IsSpace(s[p])) p++;
                if (p >= s.Length || s[p] != '=')
                {
                    _attributes.Add((attrStart, attrLength, p, 0));
                    continue;
                }

                p++;
                while (p < s.Length && IsSpace(s[p])) p++;
                if (p >= s.Length) return -1;
                if (s[p] is '"' or '\'')
                {
                    var close = s[(p + 1)..].IndexOf(s[p]);
                    if (close < 0) return -1;
                    close += p + 1;
                    _attributes.Add((attrStart, attrLength, p + 1, close - p - 1));
                    p = close + 1;
                }
                else
                {
                    var value = p;
                    while (p < s.Length && !IsSpace(s[p]) && s[p] != '>') p++;
                    _attributes.Add((attrStart, attrLength, value, p - value));
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool IsSpace(char c) => c is ' ' or '\n' or '\t' or '\r' or '\f';

        /// <summary>The known element a tag names, whatever its case; null for any other.</summary>
        private readonly Element? Lookup(int start, int end)
        {
            var raw = _html.Slice(start, end - start);
            // p, a, b, i: the commonest tags, found without hashing.
            if (raw.Length == 1 && char.IsAsciiLetterLower(raw[0])) return SingleLetterElements[raw[0] - 'a'];
            if (raw.Length > 16 || raw.IsEmpty) return null;
            // Most feeds write tags in lower case: no copy needed then.
            if (Find(raw) is { } exact) return exact;
            Span<char> lower = stackalloc char[16];
            var length = raw.ToLowerInvariant(lower);
            return length == 0 ? null : Find(lower[..length]);
        }

        /// <summary>Where <paramref name="element"/> is open, innermost first; -1 when it is not.</summary>
        private readonly int LastOpen(Element element)
        {
            for (var k = _depth - 1; k >= 0; k--)
            {
                if (_open[k] == element) return k;
            }

            return -1;
        }

        /// <summary>An allowed start tag: written with its safe attributes and pushed, unless nesting is already too deep.</summary>
        private void Open(Element element, bool selfClosing)
        {
            if (_depth >= MaxDepth) return;
            // <p> and <li> end the previous one, as in HTML.
            if (element.EndsPrevious && LastOpen(element) is var previous && previous >= 0) Close(previous);
            WriteTag(element);
            if (element.IsVoid) return;
            // "<b/>" is an empty element here; pushing nothing would leave the output unbalanced.
            if (selfClosing) _out.Append(element.EndTag);
            else _open[_depth++] = element;
        }

        private void Close(int from)
        {
            for (var k = _depth - 1; k >= from; k--) _out.Append(_open[k].EndTag);
            _depth = from;
        }

        private void WriteTag(Element element)
        {
            if (_attributes.Count == 0)
            {
                _out.Append(element.StartTag);
                return;
            }

            _out.Append(element.Opening);
            var written = 0;
            var hasHref = false;
            foreach (var (nameStart, nameLength, valueStart, valueLength) in _attributes)
            {
                var index = AttributeIndex(_html.Slice(nameStart, nameLength));
                // The first of duplicate attributes wins, as in HTML.
                if (index < 0 || (written & (1 << index)) != 0) continue;
                written |= 1 << index;
                if ((element.Attributes & (1 << index)) == 0) continue;
                var isUrl = index < UrlAttributes;
                var raw = _html.Slice(valueStart, valueLength);
                if (isUrl)
                {
                    // A URL with a reference in it is never written as read: TryWriteUrl leaves it to SafeUrl below.
                    if (TryWriteUrl(index, raw))
                    {
                        hasHref |= index == Href;
                        continue;
                    }
                }
                else if (!raw.Contains('&'))
                {
                    // Nothing to decode or check: escaped straight from the input, no string of the value made.
                    _out.Append(AttributeOpenings[index]);
                    AppendAttributeValue(raw);
                    _out.Append('"');
                    continue;
                }

                var value = AttributeValue(valueStart, valueLength);
                if (isUrl) value = SafeUrl(value, _baseUrl, allowMailto: element.Name == "a");
                if (value is null) continue;
                hasHref |= index == Href;
                _out.Append(AttributeOpenings[index]);
                AppendAttributeValue(value);
                _out.Append('"');
            }

            _out.Append(hasHref ? " rel=\"noopener noreferrer\">" : ">");
        }

        /// <summary>
        /// The common URLs written straight from the input, as <see cref="SafeUrl"/> would give them: an absolute http(s) URL or a
        /// fragment with no space or control character, or a plain relative path joined to the base. False leaves it to SafeUrl.
        /// </summary>
        /// <remarks>
        /// The URL is classified in one pass over its characters (<see cref="UrlChars"/>): what stops the fast path, what is
        /// not a plain path character, what must be escaped in the attribute, and whether a dot segment starts; before, each of
        /// these was a search of its own.
        /// </remarks>
        private bool TryWriteUrl(int attribute, ReadOnlySpan<char> raw)
        {
            if (raw.IsEmpty) return false;
            var kinds = 0;
            var dotSegment = false;
            var previous = '\0';
            foreach (var c in raw)
            {
                var kind = c < 128 ? UrlChars[c] : UrlNotPlain;
                if ((kind & UrlStop) != 0) return false;
                kinds |= kind;
                dotSegment |= c == '.' && previous == '/';
                previous = c;
            }

            string? prefix = null;
            if (raw[0] != '#' && !raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                if (_baseUrl is null || (kinds & UrlNotPlain) != 0 || dotSegment) return false;
                prefix = Lede.Parse.UrlResolver.JoinPlainPrefix(_baseUrl, raw);
                if (prefix is null) return false;
            }

            _out.Append(AttributeOpenings[attribute]);
            if (prefix is not null) AppendAttributeValue(prefix);
            if ((kinds & UrlEscape) == 0) _out.Append(raw);
            else AppendAttributeValue(raw);
            _out.Append('"');
            return true;
        }

        /// <summary>The index of a kept attribute's name in <see cref="AttributeNames"/>, in any ASCII case; -1 for any other name.</summary>
        private static int AttributeIndex(ReadOnlySpan<char> name)
        {
            // Matched by length, then one case-insensitive ASCII compare (non-ASCII never matches): no copy, no culture.
            var index = name.Length switch
            {
                3 => (name[0] | 0x20) == 's' ? 1 : 3,
                4 => (name[0] | 0x20) == 'h' ? 0 : 2,
                5 => (name[0] | 0x20) switch
                {
                    't' => 4,
                    'w' => 5,
                    _ => 10,
                },
                6 => 6,
                7 => (name[0] | 0x20) == 'c' ? 7 : 8,
                8 => 9,
                _ => -1,
            };
            return index >= 0 && System.Text.Ascii.EqualsIgnoreCase(name, AttributeNames[index]) ? index : -1;
        }

        /// <summary>An attribute value with its character references decoded.</summary>
        private string AttributeValue(int start, int length)
        {
            var s = _html;
            var span = s.Slice(start, length);
            if (!span.Contains('&')) return new string(span);
            var sb = new StringBuilder(length);
            var end = start + length;
            for (var j = start; j < end;)
            {
                // The value's delimiter (a quote, a space or '>') ends any reference, so reading past it cannot happen.
                if (s[j] == '&' && CharacterReferences.TryRead(s, j, attribute: true, out var rune, out var next) && next <= end)
                {
                    sb.Append(rune.ToString());
                    j = next;
                }
                else
                {
                    sb.Append(s[j++]);
                }
            }

            return sb.ToString();
        }

        private void Append(Rune rune, bool attribute)
        {
            switch (rune.Value)
            {
                case '&': _out.Append("&amp;"); break;
                case '<': _out.Append("&lt;"); break;
                case '>': _out.Append("&gt;"); break;
                case '"' when attribute: _out.Append("&quot;"); break;
                case 0: break;
                default:
                    Span<char> chars = stackalloc char[2];
                    _out.Append(chars[..rune.EncodeToUtf16(chars)]);
                    break;
            }
        }

        private void AppendAttributeValue(ReadOnlySpan<char> value)
        {
            while (value.IndexOfAny(AttributeEscapes) is var at && at >= 0)
            {
                _out.Append(value[..at]);
                Append(new Rune(value[at]), attribute: true);
                value = value[(at + 1)..];
            }

            _out.Append(value);
        }

        /// <summary>The output without leading and trailing whitespace; null when nothing is left.</summary>
        private string? Trimmed()
        {
            var written = _out.Written.Trim();
            return written.IsEmpty ? null : new string(written);
        }
    }
}
