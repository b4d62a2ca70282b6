using System.Buffers;
using Lede.Parse;

namespace Lede.Benchmarks.Legacy;

/// <summary>The single-pass sanitizer as it was before its fast paths (frozen copy, 2026-11-25): the oracle the current one must match byte for byte.</summary>
/// <remarks>
/// Output is rebuilt from the allowlist, never spliced from the input: text is escaped, attribute values re-encoded,
/// and every tag opened is closed, so however the input is malformed the output is balanced and means what was checked.
/// </remarks>
internal static partial class FrozenHtmlSanitizer
{
    /// <summary>Allowed tags nested past this depth are dropped (their text kept): deep trees are an attack, not content.</summary>
    private const int MaxDepth = 64;

    private static readonly Dictionary<string, FrozenTagRule> Rules = BuildRules();

    /// <summary>The rules by <see cref="Bucket"/> of their names: a tag name is found by a few character compares, not a hash of it.</summary>
    private static readonly (string Name, FrozenTagRule Rule)[][] RuleBuckets = BuildBuckets();

    /// <summary>The rule of each one-letter lower-case tag name, 'a' to 'z', as <see cref="Rules"/> gives it.</summary>
    private static readonly (string? Name, FrozenTagRule Rule)[] SingleLetterRules = [.. Enumerable.Range('a', 26)
        .Select(c => ((char)c).ToString())
        .Select(name => Rules.TryGetValue(name, out var rule) ? (name, rule) : ((string?)null, FrozenTagRule.Unwrap))];

    /// <summary>Where plain text stops: markup, references, and what must be escaped or dropped.</summary>
    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&>\0");

    /// <summary>What an attribute value must not carry as is inside double quotes.</summary>
    private static readonly SearchValues<char> AttributeEscapes = SearchValues.Create("&<>\"\0");

    /// <summary>The attributes that may survive, each on some elements only (see <see cref="IsAllowed"/>).</summary>
    private static readonly string[] AttributeNames = ["href", "src", "cite", "alt", "title", "width", "height", "colspan", "rowspan", "datetime", "start"];

    [ThreadStatic]
    private static Buffers? _cachedBuffers;

    /// <summary>The sanitized fragment, with relative href/src resolved against <paramref name="baseUrl"/>; null when nothing is left.</summary>
    public static string? Sanitize(string? html, string? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        // Plain text with nothing to interpret (no markup, reference, '>' or NUL) is already safe HTML.
        if (!html.AsSpan().ContainsAny(TextStops)) return html.Trim();
        return Run(html, baseUrl);
    }

    /// <summary>As <see cref="Sanitize(string?, string?)"/>, reading the HTML where it lies (a feed's buffer) instead of from a string of its own.</summary>
    public static string? Sanitize(ReadOnlySpan<char> html, string? baseUrl)
    {
        var trimmed = html.Trim();
        if (trimmed.IsEmpty) return null;
        if (!trimmed.ContainsAny(TextStops)) return trimmed.ToString();
        return Run(html, baseUrl);
    }

    private static string? Run(ReadOnlySpan<char> html, string? baseUrl)
    {
        // One set of buffers per thread: the builder and stacks are reused from item to item.
        var buffers = _cachedBuffers ?? new Buffers();
        _cachedBuffers = null;
        try
        {
            return new Pass(buffers, html, baseUrl).Sanitize();
        }
        finally
        {
            _cachedBuffers = buffers;
        }
    }

    /// <summary>An absolute http(s) (or mailto) URL, a fragment or a harmless relative one, else null: javascript:, data: and the rest never pass.</summary>
    /// <remarks>Tabs and newlines are removed and control characters trimmed first, as browsers do, so "jav&amp;#x09;ascript:" is seen as "javascript:".</remarks>
    public static string? SafeUrl(string value, string? baseUrl, bool allowMailto)
    {
        ArgumentNullException.ThrowIfNull(value);
        var url = WithoutUrlNoise(value);
        if (url.Length == 0) return null;
        if (url[0] == '#') return Escaped(url);
        // The common case, an absolute http(s) URL without spaces or control characters, needs no parsing.
        if (IsHttp(url) && !url.AsSpan().ContainsAnyInRange('\0', ' ') && !url.Contains('\\', StringComparison.Ordinal)) return url;

        string? resolved = null;
        if (UrlResolver.HasScheme(url))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute))
            {
                if (allowMailto && absolute.Scheme == Uri.UriSchemeMailto) return absolute.OriginalString == url ? url : absolute.AbsoluteUri;
                resolved = absolute.OriginalString == url ? url : absolute.AbsoluteUri;
            }
        }
        else if (baseUrl is null || !UrlResolver.TryResolveRelative(baseUrl, url, out resolved))
        {
            // Relative with nothing to resolve against: harmless as it stands.
            return url.Contains(':', StringComparison.Ordinal) ? null : Escaped(url);
        }

        return resolved is not null && IsHttp(resolved) ? resolved : null;
    }

    /// <summary>Spaces and control characters percent-encoded, as a browser sends them: a URL kept as written stays one token.</summary>
    private static string Escaped(string url)
    {
        if (!url.AsSpan().ContainsAnyInRange('\0', ' ')) return url;
        var sb = new System.Text.StringBuilder(url.Length + 8);
        foreach (var c in url)
        {
            if (c <= ' ') sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsHttp(string url)
        => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The URL as a browser's URL parser sees it: ASCII tab and newline removed, C0 controls and spaces trimmed.</summary>
    private static string WithoutUrlNoise(string value)
    {
        var url = value.AsSpan().ContainsAny('\t', '\n', '\r') ? value.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal) : value;
        var start = 0;
        var end = url.Length;
        while (start < end && url[start] <= ' ') start++;
        while (end > start && url[end - 1] <= ' ') end--;
        return start == 0 && end == url.Length ? url : url[start..end];
    }

    /// <summary>Whether <paramref name="attribute"/> may stay on <paramref name="element"/>, and whether its value is a URL.</summary>
    private static bool IsAllowed(string element, string attribute, out bool isUrl)
    {
        isUrl = attribute is "href" or "src" or "cite";
        return attribute switch
        {
            "href" => element == "a",
            "src" => element == "img",
            "cite" => element is "blockquote" or "q" or "del" or "ins",
            "alt" or "title" => true,
            "width" or "height" => element is "img" or "td" or "th" or "col",
            "colspan" or "rowspan" => element is "td" or "th",
            "datetime" => element is "time" or "del" or "ins",
            "start" => element == "ol",
            _ => false,
        };
    }

    /// <summary>Which of <see cref="RuleBuckets"/> a (non-empty) name falls in: its length and first and last characters.</summary>
    private static int Bucket(ReadOnlySpan<char> name) => ((name.Length * 7) + (name[0] * 3) + name[^1]) & 127;

    /// <summary>The canonical name and rule of the element named exactly <paramref name="name"/> (non-empty); (null, Unwrap) when it is not known.</summary>
    private static (string? Name, FrozenTagRule Rule) Find(ReadOnlySpan<char> name)
    {
        foreach (var entry in RuleBuckets[Bucket(name)])
        {
            if (name.SequenceEqual(entry.Name)) return entry;
        }

        return (null, FrozenTagRule.Unwrap);
    }

    private static (string Name, FrozenTagRule Rule)[][] BuildBuckets()
    {
        var buckets = new List<(string Name, FrozenTagRule Rule)>[128];
        foreach (var (name, rule) in Rules) (buckets[Bucket(name)] ??= []).Add((name, rule));
        return [.. buckets.Select(b => b?.ToArray() ?? [])];
    }

    private static Dictionary<string, FrozenTagRule> BuildRules()
    {
        var rules = new Dictionary<string, FrozenTagRule>(StringComparer.Ordinal);
        foreach (var name in (string[])
                 [
                     "p", "a", "div", "span", "b", "i", "u", "s", "em", "strong", "small", "sub", "sup", "mark", "q", "cite", "abbr", "del", "ins",
                     "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "kbd", "samp", "var",
                     "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "picture",
                     "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "time",
                 ])
        {
            rules[name] = FrozenTagRule.Keep;
        }

        foreach (var name in (string[])["br", "hr", "img", "col"]) rules[name] = FrozenTagRule.Keep | FrozenTagRule.Void;
        // Dropped with everything inside: their content is code, not text.
        foreach (var name in (string[])
                 [
                     "form", "button", "select", "template", "svg", "math", "frameset", "head",
                     "audio", "video", "canvas", "dialog", "portal",
                 ])
        {
            rules[name] = FrozenTagRule.Drop;
        }

        // Elements that hold no content: never opened, never closed.
        foreach (var name in (string[])["input", "embed", "source", "track", "param", "link", "meta", "base", "frame"]) rules[name] = FrozenTagRule.Drop | FrozenTagRule.Void;
        // What the HTML tree builder would tell the tokenizer: the content of these elements is not markup.
        foreach (var name in (string[])["script", "style", "xmp", "noembed", "noframes", "noscript", "textarea", "title"]) rules[name] = FrozenTagRule.Drop | FrozenTagRule.RawText;
        // Embedding containers: the element goes, its fallback content (what a browser shows when it cannot embed, and all a
        // reader sees once the element is gone) stays, sanitized like any other markup.
        foreach (var name in (string[])["object", "applet", "iframe"]) rules[name] = FrozenTagRule.Unwrap;
        rules["plaintext"] = FrozenTagRule.Drop | FrozenTagRule.ToEnd;
        return rules;
    }
}
