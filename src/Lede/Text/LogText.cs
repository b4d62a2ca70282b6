using System.Text;

namespace Lede.Text;

/// <summary>Makes untrusted text and URLs safe for one log line: no line breaks or control characters, no secrets.</summary>
/// <remarks>
/// Private feeds often carry their credentials in the query (<c>?token=…</c>, <c>&amp;api_key=…</c>); those values
/// must not reach logs, error lines or the stored last error of a source (reliability.md K8, FreshRSS CVE-2023-22481).
/// Feed-derived text may hold CR/LF that would forge log lines (A9).
/// </remarks>
public static class LogText
{
    /// <summary>The mark a redacted value is replaced with.</summary>
    public const string Redacted = "***";

    /// <summary>C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional controls.</summary>
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)).Select(c => (char)c),
         '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
         '\u2066', '\u2067', '\u2068', '\u2069']);

    private static readonly string[] SecretParts = ["token", "secret", "password", "passwd", "apikey", "credential", "signature"];

    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal)
    {
        "key", "pass", "pwd", "auth", "authorization", "sig", "session", "sessionid", "sid", "code", "hash", "hmac",
    };

    /// <summary>The URL with the values of secret-looking query parameters and any user:password replaced by <see cref="Redacted"/>.</summary>
    public static string Url(Uri? url) => url is null ? "" : Url(url.OriginalString);

    /// <inheritdoc cref="Url(Uri?)"/>
    public static string Url(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "";
        var text = HideUserInfo(url);
        var query = text.IndexOf('?', StringComparison.Ordinal);
        if (query < 0) return Line(text);

        var fragment = text.IndexOf('#', query);
        var end = fragment < 0 ? text.Length : fragment;
        var result = new StringBuilder(text.Length).Append(text, 0, query + 1);
        var pairs = text[(query + 1)..end].Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i > 0) result.Append('&');
            var equals = pairs[i].IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && IsSecret(pairs[i].AsSpan(0, equals)))
            {
                result.Append(pairs[i], 0, equals + 1).Append(Redacted);
            }
            else
            {
                result.Append(pairs[i]);
            }
        }

        return Line(result.Append(text, end, text.Length - end).ToString());
    }

    /// <summary>The text on one line: CR, LF, tabs and other control characters written as visible escapes.</summary>
    /// <remarks>
    /// C1 controls (U+0080–U+009F: a terminal reads U+009B as the start of an escape sequence) and the bidirectional
    /// controls that make a line display in another order than it reads (U+202E and its kin; reliability.md E10) are
    /// escaped too.
    /// </remarks>
    public static string Line(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.AsSpan().ContainsAny(Escaped))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => result.Append("\\r"),
                '\n' => result.Append("\\n"),
                '\t' => result.Append("\\t"),
                _ when Escaped.Contains(c) => result.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => result.Append(c),
            };
        }

        return result.ToString();
    }

    private static string HideUserInfo(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return url;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], scheme + 3);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - scheme - 3);
        return at < 0 ? url : string.Concat(url.AsSpan(0, scheme + 3), Redacted, url.AsSpan(at));
    }

    private static bool IsSecret(ReadOnlySpan<char> name)
    {
        Span<char> folded = stackalloc char[Math.Min(name.Length, 64)];
        var length = 0;
        foreach (var c in name)
        {
            if (length == folded.Length) break;
            if (char.IsAsciiLetterOrDigit(c)) folded[length++] = char.ToLowerInvariant(c);
        }

        var key = new string(folded[..length]);
        if (SecretNames.Contains(key)) return true;
        foreach (var part in SecretParts)
        {
            if (key.Contains(part, StringComparison.Ordinal)) return true;
        }

        return key.EndsWith("key", StringComparison.Ordinal);
    }
}
