using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Lede.Normalize;

/// <summary>Display text as readers should see it: entities decoded, mojibake repaired, NFC, one space between words.</summary>
/// <remarks>
/// Order: entities first (they may spell mojibake), then mojibake, then controls and whitespace, NFC last.
/// Whitespace policy: NBSP and all Unicode spaces become one ASCII space; zero-width space, word joiner, BOM and
/// soft hyphen are removed; ZWJ/ZWNJ stay (emoji sequences, Persian and Indic scripts need them).
/// Line breaks are collapsed too unless <c>keepParagraphs</c>, which keeps blank-line paragraph breaks.
/// </remarks>
public static partial class TextCleaner
{
    /// <summary>The cleaned form of <paramref name="text"/>; null and empty give "".</summary>
    public static CleanText Clean(string? text, bool keepParagraphs = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new("", false);
        }

        var decoded = DecodeEntities(text);
        var repaired = Mojibake.Repair(decoded);
        var sb = new StringBuilder(repaired.Length);
        var pendingSpace = false;
        var pendingBreaks = 0;
        foreach (var c in repaired)
        {
            if (c is '\n' && keepParagraphs)
            {
                pendingBreaks++;
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '\u00A0')
            {
                pendingSpace = true;
                continue;
            }

            if (c is '\u200B' or '\u2060' or '\uFEFF' or '\u00AD' || (char.IsControl(c)) || c is '\uFFFE' or '\uFFFF')
            {
                continue;
            }

            if (sb.Length > 0 && (pendingBreaks > 0 || pendingSpace))
            {
                sb.Append(pendingBreaks > 0 ? "\n\n" : " ");
            }

            (pendingSpace, pendingBreaks) = (false, 0);
            sb.Append(c);
        }

        var result = sb.ToString();
        try
        {
            result = result.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates make NFC throw: drop them and normalize what remains.
            result = LoneSurrogate().Replace(result, "").Normalize(NormalizationForm.FormC);
        }

        return new(result, !ReferenceEquals(repaired, decoded));
    }

    /// <summary>HTML entities decoded: all HTML5 named ones .NET knows, decimal and hex; a bare <c>&amp;</c> stays.</summary>
    public static string DecodeEntities(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        // Missing semicolons are repaired only for numeric references ("&#8217 " → "’"); a named one without
        // its semicolon ("&copy2") is ambiguous in running text and stays as written.
        var fixedNumeric = NumericWithoutSemicolon().Replace(text, m => m.Value + ";");
        var decoded = WebUtility.HtmlDecode(fixedNumeric);
        return decoded;
    }

    [GeneratedRegex(@"&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6})(?![0-9a-fA-F;])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumericWithoutSemicolon();

    [GeneratedRegex(@"[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LoneSurrogate();
}
