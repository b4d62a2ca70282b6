namespace Lede.Parse;

/// <summary>The namespaces feed readers look for.</summary>
internal static class Ns
{
    public const string None = "";
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string DcTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    public const string Rss090Channel = "http://channel.netscape.com/rdf/simple/0.9/";

    /// <summary>Prefixes feeds use without declaring them, with the namespace they always mean.</summary>
    public static readonly IReadOnlyDictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["atom"] = Atom10,
        ["dc"] = Dc,
        ["dcterms"] = DcTerms,
        ["content"] = Content,
        ["media"] = Media,
        ["itunes"] = Itunes,
        ["rdf"] = Rdf,
        ["xhtml"] = Xhtml,
    };

    /// <summary>RSS's own elements: no namespace (0.9x, 2.0) or an RSS 1.0 / 0.90 namespace.</summary>
    public static bool IsRss(string ns) => ns is None or Rss10 or Rss090 or Rss090Channel or "http://backend.userland.com/rss2" or "http://backend.userland.com/rss";

    /// <summary>iTunes under its official URI in any letter case (Apple's own examples vary).</summary>
    public static bool IsItunes(string ns) => string.Equals(ns, Itunes, StringComparison.OrdinalIgnoreCase);

    public static bool IsAtom(string ns) => ns is Atom10 or Atom03 or "http://purl.org/pie/";

    /// <summary>Dublin Core elements or terms, also under the https:// misspelling of their URIs.</summary>
    public static bool IsDc(string ns) => ns is Dc or DcTerms || (IsHttpsOf(ns, Dc) || IsHttpsOf(ns, DcTerms));

    /// <summary>The content module (content:encoded), also under the https:// misspelling of its URI.</summary>
    public static bool IsContent(string ns) => ns == Content || IsHttpsOf(ns, Content);

    /// <summary>Media RSS under its official URI or the common misspellings: https, a trailing slash or none.</summary>
    public static bool IsMedia(string ns)
        => ns.StartsWith("http://search.yahoo.com/mrss", StringComparison.OrdinalIgnoreCase)
           || ns.StartsWith("https://search.yahoo.com/mrss", StringComparison.OrdinalIgnoreCase);

    /// <summary>"https://x" for the namespace "http://x": publishers "upgrade" namespace URIs, which are names, not addresses.</summary>
    private static bool IsHttpsOf(string ns, string official)
        => ns.Length == official.Length + 1 && ns.StartsWith("https://", StringComparison.Ordinal)
           && ns.AsSpan(8).SequenceEqual(official.AsSpan(7));
}
