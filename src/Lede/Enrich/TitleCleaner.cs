namespace Lede.Enrich;

/// <summary>Removes the site's name from a page title ("Headline | Site", "Site - Headline") and nothing else.</summary>
/// <remarks>A part is removed only when it names the site: its letters and digits match the site name or a label of the page's host.
/// "Review - The best webcams | Compsmag" loses "| Compsmag" and keeps "Review - ".</remarks>
public static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " — ", " – ", " · ", " :: ", " » ", " « ", " ~ ", " • "];

    /// <summary>The title without site-naming prefixes and suffixes; the input (whitespace collapsed) when none match.</summary>
    public static string Clean(string title, string? siteName, Uri? pageUrl)
    {
        var t = Collapse(title);
        for (var round = 0; round < 3; round++)
        {
            var changed = false;
            if (LastSeparator(t) is var (at, length) && at > 0 && NamesSite(t[(at + length)..], siteName, pageUrl) && IsMeaningful(t[..at]))
            {
                t = t[..at].Trim();
                changed = true;
            }

            if (FirstSeparator(t) is var (first, len) && first > 0 && NamesSite(t[..first], siteName, pageUrl) && IsMeaningful(t[(first + len)..]))
            {
                t = t[(first + len)..].Trim();
                changed = true;
            }

            if (!changed) break;
        }

        return t;
    }

    /// <summary>True when a piece of text is the site's name: same letters and digits as the site name, or as the host or one of its labels.</summary>
    public static bool NamesSite(string piece, string? siteName, Uri? pageUrl)
    {
        var key = Key(piece);
        if (key.Length < 2 || piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6) return false;
        if (siteName is not null)
        {
            // A part contained in the site name must carry most of it: "Daily Dot" names "The Daily Dot", "News" does not name "Fox News".
            var site = Key(siteName);
            if (site.Length >= 2 && (key == site || (site.Length >= 4 && ((site.Contains(key, StringComparison.Ordinal) && key.Length * 3 >= site.Length * 2) || key.StartsWith(site, StringComparison.Ordinal)))))
            {
                return true;
            }
        }

        if (pageUrl is null || pageUrl.HostNameType != UriHostNameType.Dns) return false;
        var host = pageUrl.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        if (key == Key(host)) return true;
        var labels = host.Split('.');
        // Every label but the last (the TLD): "biometricupdate" names biometricupdate.com, "cbslocal" newyork.cbslocal.com.
        for (var i = 0; i < labels.Length - 1; i++)
        {
            if (labels[i].Length >= 3 && key == Key(labels[i])) return true;
        }

        return false;
    }

    private static bool IsMeaningful(string rest) => Key(rest).Length >= 3;

    private static (int At, int Length)? LastSeparator(string t)
    {
        (int, int)? best = null;
        foreach (var sep in Separators)
        {
            var i = t.LastIndexOf(sep, StringComparison.Ordinal);
            if (i >= 0 && (best is null || i > best.Value.Item1)) best = (i, sep.Length);
        }

        return best;
    }

    private static (int At, int Length)? FirstSeparator(string t)
    {
        (int, int)? best = null;
        foreach (var sep in Separators)
        {
            var i = t.IndexOf(sep, StringComparison.Ordinal);
            if (i >= 0 && (best is null || i < best.Value.Item1)) best = (i, sep.Length);
        }

        return best;
    }

    /// <summary>Lower-case letters and digits only: "The Daily Dot" and "thedailydot" compare equal.</summary>
    internal static string Key(string s)
    {
        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..n]);
    }

    internal static string Collapse(string s)
        => string.Join(' ', s.Split((char[])[' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
