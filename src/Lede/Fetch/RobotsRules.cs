namespace Lede.Fetch;

/// <summary>What a site's robots.txt (RFC 9309) allows one crawler: the rules of its group, and its Crawl-delay.</summary>
/// <remarks>
/// The group naming the crawler's product token (case-insensitively; groups naming it twice are combined) applies,
/// else the <c>*</c> group, else nothing is disallowed. Among the rules whose pattern matches a path the longest wins,
/// and an allow wins a tie; <c>*</c> matches any run of characters and a final <c>$</c> the end of the path.
/// Lines that are not rules are skipped: a robots.txt is often an HTML error page or half-written.
/// </remarks>
public sealed class RobotsRules
{
    /// <summary>Longest robots.txt read, in characters; what follows is ignored (RFC 9309 asks for at least 500 KiB).</summary>
    public const int MaxLength = 512 * 1024;

    private readonly (string Pattern, bool Allow)[] _rules;

    private RobotsRules((string Pattern, bool Allow)[] rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>Everything allowed: no robots.txt (4xx), or one without a group for this crawler.</summary>
    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>Nothing allowed: the robots.txt could not be read (5xx, network), which RFC 9309 reads as "keep out".</summary>
    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    /// <summary>The group's Crawl-delay, when it gave a valid one.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>The rules in <paramref name="text"/> that apply to the crawler named <paramref name="productToken"/> (e.g. "Lede").</summary>
    public static RobotsRules Parse(string? text, string productToken)
    {
        if (string.IsNullOrEmpty(text))
        {
            return AllowAll;
        }

        var named = new Group();
        var any = new Group();
        var current = new List<Group>();
        var inRules = false;
        foreach (var raw in text.AsSpan(0, Math.Min(text.Length, MaxLength)).EnumerateLines())
        {
            var line = raw;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim().ToString();
            if (key.Equals("user-agent", StringComparison.OrdinalIgnoreCase))
            {
                if (inRules)
                {
                    current.Clear();
                    inRules = false;
                }

                var agent = Token(value);
                if (agent == "*")
                {
                    current.Add(any);
                }
                else if (agent.Length > 0 && agent.Equals(productToken, StringComparison.OrdinalIgnoreCase))
                {
                    current.Add(named);
                }

                continue;
            }

            var allow = key.Equals("allow", StringComparison.OrdinalIgnoreCase);
            var disallow = key.Equals("disallow", StringComparison.OrdinalIgnoreCase);
            var delay = key.Equals("crawl-delay", StringComparison.OrdinalIgnoreCase);
            if (!allow && !disallow && !delay)
            {
                continue; // Sitemap and unknown keys belong to no group and do not end one.
            }

            inRules = true;
            foreach (var group in current)
            {
                group.Add(value, allow, delay);
            }
        }

        var chosen = named.Seen ? named : any;
        return chosen.Seen ? new RobotsRules([.. chosen.Rules], chosen.CrawlDelay) : AllowAll;
    }

    /// <summary>True when the crawler may fetch <paramref name="url"/>; /robots.txt itself always may be.</summary>
    public bool Allows(Uri url)
    {
        var path = Escaped(url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped));
        if (path.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var (bestLength, allowed) = (-1, true);
        foreach (var (pattern, allow) in _rules)
        {
            if ((pattern.Length > bestLength || (pattern.Length == bestLength && allow)) && Matches(pattern, path))
            {
                (bestLength, allowed) = (pattern.Length, allow);
            }
        }

        return allowed;
    }

    /// <summary>Path-pattern match: <c>*</c> is any run of characters, a final <c>$</c> anchors the end, the rest is a prefix.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();
        var star = body.IndexOf('*');
        if (star < 0)
        {
            return anchored ? path.AsSpan().Equals(body, StringComparison.Ordinal) : path.AsSpan().StartsWith(body, StringComparison.Ordinal);
        }

        // The literal before the first '*' is a prefix; each later piece must come in order, the last at the end when anchored.
        var rest = path.AsSpan();
        if (!rest.StartsWith(body[..star], StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[star..];
        var pieces = body[(star + 1)..];
        while (true)
        {
            var next = pieces.IndexOf('*');
            var piece = next < 0 ? pieces : pieces[..next];
            if (next < 0)
            {
                return !anchored || rest.EndsWith(piece, StringComparison.Ordinal);
            }

            var at = rest.IndexOf(piece, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + piece.Length)..];
            pieces = pieces[(next + 1)..];
        }
    }

    /// <summary>Patterns and paths compare escaped alike: non-ASCII and spaces as UTF-8 percent-escapes, every escape's hex in upper case.</summary>
    internal static string Escaped(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                sb.Append('%').Append(char.ToUpperInvariant(text[i + 1])).Append(char.ToUpperInvariant(text[i + 2]));
                i += 2;
            }
            else if (c > '\u007F' || c == ' ')
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                foreach (var b in System.Text.Encoding.UTF8.GetBytes(text.Substring(i, length)))
                {
                    sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }

                i += length - 1;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>"Lede/0.1 (+https://…)" → "Lede": the name part of a user-agent line or header.</summary>
    internal static string Token(string agent)
    {
        var end = 0;
        while (end < agent.Length && (char.IsAsciiLetter(agent[end]) || agent[end] is '-' or '_' or '*'))
        {
            end++;
        }

        return agent[..end];
    }

    private sealed class Group
    {
        public List<(string Pattern, bool Allow)> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; private set; }

        public bool Seen { get; private set; }

        public void Add(string value, bool allow, bool delay)
        {
            Seen = true;
            if (delay)
            {
                if (double.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                    && seconds is >= 0 and <= 86_400)
                {
                    CrawlDelay = TimeSpan.FromSeconds(seconds);
                }

                return;
            }

            // An empty Disallow allows everything; a pattern not starting with '/' or '*' is repaired as most crawlers do.
            if (value.Length == 0)
            {
                return;
            }

            Rules.Add((Escaped(value[0] is '/' or '*' ? value : "/" + value), allow));
        }

    }
}
