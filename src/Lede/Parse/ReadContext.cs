using System.Security.Cryptography;
using System.Text;
using Lede.Text;

namespace Lede.Parse;

/// <summary>What every reader shares while reading one feed: the warnings so far and the document's base URL.</summary>
internal sealed class ReadContext(List<ParseWarning> warnings, string? documentBase)
{
    public List<ParseWarning> Warnings { get; } = warnings;
    public string? DocumentBase { get; } = documentBase;

    public void Warn(string kind, string message) => Warnings.Add(new(kind, message));

    /// <summary>The element's text as one plain line (titles become plain text even when they carry HTML).</summary>
    public static string? Plain(XmlNode? node)
        => node is null ? null : HtmlText.ToPlain(node.HasChildren ? node.InnerMarkup() : node.Text);

    /// <summary>The element's content as sanitized HTML, links resolved against its base.</summary>
    public string? Html(XmlNode? node)
    {
        if (node is null) return null;
        // Escaped HTML is sanitized where the scanner left it: no string of the raw markup is made.
        return node.HasChildren ? HtmlSanitizer.Sanitize(node.InnerMarkup(), Base(node)) : HtmlSanitizer.Sanitize(node.TextSpan, Base(node));
    }

    /// <summary>Plain text that must stay text in HTML (e.g. Atom type="text"): escaped, then kept.</summary>
    public static string? TextAsHtml(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : System.Net.WebUtility.HtmlEncode(text.Trim());

    public string? Base(XmlNode node) => UrlResolver.BaseOf(node, DocumentBase);

    public string? Url(XmlNode node, string? value) => UrlResolver.Resolve(Base(node), value);

    /// <summary>A date from the element's text; a warning and null when it cannot be read.</summary>
    /// <remarks>The common forms are read where the scanner left the text; a string of it is made only for the others.</remarks>
    public DateTime? Date(XmlNode? node) => node is null ? null : DateParser.Parse(node.TextSpan) ?? Date(node.Text, node.Name);

    public DateTime? Date(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var date = DateParser.Parse(text);
        if (date is null) Warn("date", $"unreadable {what} '{Short(text)}'; left empty");
        return date;
    }

    /// <summary>"me@example.com (Name)", "Name (me@example.com)", "Name &lt;me@example.com&gt;", a bare name or email.</summary>
    public static FeedPerson? Person(string? text)
    {
        text = HtmlText.ToPlain(text);
        if (text is null) return null;
        var open = text.IndexOfAny(['(', '<']);
        if (open > 0 && text[^1] is ')' or '>')
        {
            var outer = text[..open].Trim();
            var inner = text[(open + 1)..^1].Trim();
            return inner.Contains('@', StringComparison.Ordinal) && !outer.Contains('@', StringComparison.Ordinal)
                ? new FeedPerson(NullIfEmpty(outer), inner)
                : new FeedPerson(NullIfEmpty(inner), NullIfEmpty(outer));
        }

        return text.Contains('@', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal)
            ? new FeedPerson(null, text) : new FeedPerson(text, null);
    }

    /// <summary>The item identity when the feed gives none: a hash of title and date, stable across fetches.</summary>
    public static string HashId(string? title, DateTime? date, string? description)
    {
        var key = $"{title}\n{date:O}\n{(title is null && date is null ? description : null)}";
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    public static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static long? Long(string? s)
        => long.TryParse(s?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;

    public static int? Int(string? s)
        => int.TryParse(s?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : null;

    private static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
