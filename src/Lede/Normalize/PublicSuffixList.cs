using System.Globalization;
using System.Net;
using System.Reflection;

namespace Lede.Normalize;

/// <summary>Registrable domains from the Public Suffix List, so <c>www.bbc.co.uk</c> and <c>news.bbc.co.uk</c> are one provider.</summary>
/// <remarks>
/// The private section is included: a blog on <c>example.github.io</c> or <c>example.blogspot.com</c> is its own
/// provider, not one giant "github.io" provider. The list ships embedded (Data/, MPL-2.0) and is parsed once, lazily.
/// </remarks>
public sealed class PublicSuffixList
{
    private static readonly Lazy<PublicSuffixList> Embedded = new(LoadEmbedded);
    private static readonly IdnMapping Idn = new();

    // Value: true when the rule is from the private section.
    private readonly Dictionary<string, bool> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _wildcards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _exceptions = new(StringComparer.Ordinal);

    private PublicSuffixList(TextReader reader)
    {
        var isPrivate = false;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            line = line.Trim();
            if (line.Contains("===BEGIN PRIVATE DOMAINS===", StringComparison.Ordinal))
            {
                isPrivate = true;
            }

            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            // A rule ends at the first whitespace (the list's format).
            var space = line.IndexOfAny([' ', '\t']);
            var rule = space < 0 ? line : line[..space];
            var target = _rules;
            if (rule.StartsWith('!'))
            {
                (target, rule) = (_exceptions, rule[1..]);
            }
            else if (rule.StartsWith("*.", StringComparison.Ordinal))
            {
                (target, rule) = (_wildcards, rule[2..]);
            }

            if (ToAscii(rule) is { } ascii)
            {
                target.TryAdd(ascii, isPrivate);
            }
        }
    }

    /// <summary>The list shipped with Lede.</summary>
    public static PublicSuffixList Default => Embedded.Value;

    /// <summary>Reads a list in the publicsuffix.org format, e.g. a newer copy.</summary>
    public static PublicSuffixList Parse(TextReader reader) => new(reader);

    /// <summary>The registrable domain of <paramref name="host"/>; null for IP addresses, single labels and public suffixes themselves.</summary>
    public RegistrableDomain Find(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return Fail("empty host");
        }

        host = host.Trim().TrimEnd('.');
        if (host.StartsWith('.') || host.Contains("..", StringComparison.Ordinal))
        {
            return Fail("empty label");
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return Fail("IP address");
        }

        if (ToAscii(host) is not { } ascii || !ascii.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
        {
            return Fail("not a valid host name");
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            return Fail("single label");
        }

        var (suffixStart, isPrivate) = (labels.Length - 1, false);
        for (var i = 0; i < labels.Length; i++)
        {
            var suffix = Join(labels, i);
            if (_exceptions.TryGetValue(suffix, out var p))
            {
                (suffixStart, isPrivate) = (i + 1, p);
                break;
            }

            if (_rules.TryGetValue(suffix, out p) || (i + 1 < labels.Length && _wildcards.TryGetValue(Join(labels, i + 1), out p)))
            {
                (suffixStart, isPrivate) = (i, p);
                break;
            }
        }

        if (suffixStart == 0)
        {
            return Fail("host is a public suffix");
        }

        var domain = Join(labels, suffixStart - 1);
        string unicode;
        try
        {
            unicode = Idn.GetUnicode(domain);
        }
        catch (ArgumentException)
        {
            unicode = domain;
        }

        return new(domain, unicode, Join(labels, suffixStart), isPrivate, null);
    }

    private static string Join(string[] labels, int from) => string.Join('.', labels, from, labels.Length - from);

    private static RegistrableDomain Fail(string problem) => new(null, null, null, false, problem);

    private static string? ToAscii(string name)
    {
        try
        {
            return Idn.GetAscii(name.ToLowerInvariant()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Some list entries and hosts are not strict IDNA; keep them as lowercase text.
            return name.All(c => c < 128 && c != ' ') ? name.ToLowerInvariant() : null;
        }
    }

    private static PublicSuffixList LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Lede.Normalize.Data.public_suffix_list.dat")
            ?? throw new InvalidOperationException("the embedded Public Suffix List is missing from Lede.dll");
        using var reader = new StreamReader(stream);
        return new PublicSuffixList(reader);
    }
}
