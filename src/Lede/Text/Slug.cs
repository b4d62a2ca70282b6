using System.Globalization;
using System.Text;

namespace Lede.Text;

/// <summary>URL slugs from titles: lowercase ASCII words joined by dashes.</summary>
public static class Slug
{
    /// <summary>The slug of <paramref name="text"/>, cut at a word boundary; empty when nothing in it has a Latin form.</summary>
    /// <value>Default length: 60 characters.</value>
    public static string From(string text, int maxLength = 60)
    {
        var sb = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // the accent of a decomposed é
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (c != '\'' && c != '\u2019')
            {
                dash = true; // apostrophes join: "it's" → "its"
            }
        }

        if (sb.Length <= maxLength)
        {
            return sb.ToString();
        }

        var cut = sb.ToString(0, maxLength + 1).LastIndexOf('-');
        return sb.ToString(0, cut > 0 ? cut : maxLength);
    }
}
