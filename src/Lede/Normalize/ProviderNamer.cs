using System.Globalization;
using System.Text;

namespace Lede.Normalize;

/// <summary>Names a provider from the providers file, og:site_name, JSON-LD publisher or feed title, refusing names unrelated to the site.</summary>
/// <remarks>
/// A page's candidate is accepted when it plausibly names the site: one of its words (three letters or more, not a
/// generic word like "news") appears in the domain's label, or its initials do ("British Broadcasting Corporation"
/// on bbc.co.uk), or the same candidate came from at least <see cref="ConsistentPages"/> of this provider's pages
/// and is the one most seen. Otherwise the name is derived from the domain (compsmag.com → "Compsmag"), so a
/// category word such as "Windows" never becomes the name of a site. Thread-safe.
/// </remarks>
public sealed class ProviderNamer
{
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "news", "online", "home", "homepage", "official", "site", "website", "web", "blog", "media",
        "com", "www", "net", "org", "latest", "breaking", "today", "daily", "world", "live", "feed", "rss", "page",
    };

    private readonly Dictionary<string, ProviderEntry> _entries = new(StringComparer.Ordinal);
    private readonly PublicSuffixList _suffixes;
    private readonly Dictionary<(string Domain, string Name), int> _seen = [];
    private readonly Lock _lock = new();

    /// <value>Default: 3 pages agreeing on a name that shares nothing with the domain (Kennebec Journal on centralmaine.com).</value>
    public int ConsistentPages { get; init; } = 3;

    /// <param name="entries">The providers file's entries; null uses the file shipped with Lede.</param>
    /// <param name="suffixes">The suffix list; null uses the one shipped with Lede.</param>
    public ProviderNamer(IEnumerable<ProviderEntry>? entries = null, PublicSuffixList? suffixes = null)
    {
        _suffixes = suffixes ?? PublicSuffixList.Default;
        foreach (var entry in entries ?? ProvidersFile.Default.Entries)
        {
            _entries.TryAdd(entry.Domain.ToLowerInvariant(), entry);
        }
    }

    /// <summary>The provider of <paramref name="host"/> and its name, from the best plausible candidate.</summary>
    public ProviderName Name(string? host, string? siteName = null, string? publisher = null, string? feedTitle = null)
    {
        var cleanHost = (host ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        if (Uri.TryCreate(cleanHost, UriKind.Absolute, out var asUrl) && asUrl.Host.Length > 0)
        {
            cleanHost = asUrl.IdnHost.ToLowerInvariant();
        }

        var found = _suffixes.Find(cleanHost);
        var domain = found.Domain ?? cleanHost;
        if (FileEntry(found.Domain is null ? cleanHost : AsciiHost(cleanHost), domain) is { } entry)
        {
            return new(entry.Name, domain, ProviderNameSource.ProvidersFile, entry.Tier);
        }

        var label = Label(domain, found.PublicSuffix);
        foreach (var (candidate, source) in (ReadOnlySpan<(string?, ProviderNameSource)>)[(siteName, ProviderNameSource.SiteName), (publisher, ProviderNameSource.Publisher), (feedTitle, ProviderNameSource.FeedTitle)])
        {
            var name = Clean(candidate);
            if (name is not null && (NamesLabel(name, label) || IsConsistent(domain, name)))
            {
                return new(name, domain, source, null);
            }
        }

        return new(Derive(label, domain), domain, ProviderNameSource.Domain, null);
    }

    /// <summary>True when <paramref name="name"/> shares a significant word, or its initials, with the domain label.</summary>
    public static bool NamesLabel(string name, string label)
    {
        var compact = new string([.. label.Where(char.IsLetterOrDigit)]).ToLowerInvariant();
        if (compact.Length == 0)
        {
            return false;
        }

        var words = Words(name);
        if (string.Concat(words) == compact)
        {
            return true;
        }

        if (words.Exists(w => w.Length >= 3 && !Generic.Contains(w) && compact.Contains(w, StringComparison.Ordinal)))
        {
            return true;
        }

        var initials = string.Concat(words.Where(w => w.Length > 0 && !Generic.Contains(w)).Select(w => w[0]));
        return initials.Length >= 2 && compact.Contains(initials, StringComparison.Ordinal);
    }

    private bool IsConsistent(string domain, string name)
    {
        lock (_lock)
        {
            var key = (domain, name);
            _seen[key] = _seen.GetValueOrDefault(key) + 1;
            var count = _seen[key];
            return count >= ConsistentPages && _seen.Where(p => p.Key.Domain == domain).All(p => p.Value <= count);
        }
    }

    private ProviderEntry? FileEntry(string host, string domain)
    {
        // The most specific entry wins: news.example.com before example.com.
        for (var h = host; h.Length >= domain.Length; h = h[(h.IndexOf('.', StringComparison.Ordinal) + 1)..])
        {
            if (_entries.TryGetValue(h, out var entry))
            {
                return entry;
            }

            if (!h.Contains('.', StringComparison.Ordinal))
            {
                break;
            }
        }

        return _entries.GetValueOrDefault(domain);
    }

    private static string AsciiHost(string host)
    {
        try
        {
            return new IdnMapping().GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return host;
        }
    }

    private static string Label(string domain, string? suffix)
        => suffix is not null && domain.EndsWith("." + suffix, StringComparison.Ordinal) ? domain[..^(suffix.Length + 1)] : domain.Split('.')[0];

    private static string? Clean(string? candidate)
    {
        var name = TextCleaner.Clean(candidate).Text;
        return name.Length is 0 or > 60 || name.Contains("://", StringComparison.Ordinal) ? null : name;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    /// <summary>"compsmag" → "Compsmag", "the-verge" → "The Verge"; punycode labels shown in Unicode.</summary>
    private static string Derive(string label, string domain)
    {
        string unicode;
        try
        {
            unicode = new IdnMapping().GetUnicode(label);
        }
        catch (ArgumentException)
        {
            unicode = label;
        }

        var parts = unicode.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
        var name = string.Join(' ', parts.Select(p => char.ToUpper(p[0], CultureInfo.InvariantCulture) + p[1..]));
        return name.Length > 0 ? name : domain;
    }
}
