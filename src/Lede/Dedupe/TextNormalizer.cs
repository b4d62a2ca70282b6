using System.Globalization;
using System.Text;

namespace Lede.Dedupe;

/// <summary>The one text form duplicate detection compares: NFKC, lower-case, punctuation gone, single spaces.</summary>
public static class TextNormalizer
{
    /// <summary>Longest input read, in characters; the rest is ignored so one huge body cannot stall the crawl.</summary>
    /// <value>1,000,000 characters.</value>
    public const int MaxInputChars = 1_000_000;

    /// <summary>Returns the normalized form of <paramref name="text"/>: tokens of letters, digits and marks joined by one space.</summary>
    /// <remarks>Apostrophes and invisible format characters are dropped inside words ("AP’s" → "aps"); every other
    /// punctuation or symbol separates words. Never throws: broken surrogates become separators.</remarks>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var input = text.Length > MaxInputChars ? text[..MaxInputChars] : text;
        var composed = Compose(RepairSurrogates(input));
        var sb = new StringBuilder(composed.Length);
        var pendingSpace = false;
        for (var i = 0; i < composed.Length; i++)
        {
            var c = composed[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // The common case first: plain ASCII words need no category lookup.
                AppendSpace(sb, ref pendingSpace);
                sb.Append(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
                continue;
            }

            if (c < 0x80 && c != '\'')
            {
                pendingSpace = true;
                continue;
            }

            var category = char.GetUnicodeCategory(composed, i);
            if (char.IsHighSurrogate(c) && i + 1 < composed.Length)
            {
                if (IsWordCategory(category))
                {
                    AppendSpace(sb, ref pendingSpace);
                    sb.Append(composed.AsSpan(i, 2).ToString().ToLowerInvariant());
                }
                else
                {
                    pendingSpace = true;
                }

                i++;
                continue;
            }

            if (IsWordCategory(category))
            {
                AppendSpace(sb, ref pendingSpace);
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '\u02BC' || category == UnicodeCategory.Format)
            {
                // Inside a word these join it ("don't" → "dont"); elsewhere they vanish anyway.
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    private static void AppendSpace(StringBuilder sb, ref bool pendingSpace)
    {
        if (pendingSpace && sb.Length > 0)
        {
            sb.Append(' ');
        }

        pendingSpace = false;
    }

    private static bool IsWordCategory(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
        or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string Compose(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Unassigned code points can still be refused by ICU; the text then stays as written.
            return text;
        }
    }

    private static string RepairSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                copy ??= text.ToCharArray();
                copy[i] = ' ';
            }
        }

        return copy is null ? text : new string(copy);
    }
}
