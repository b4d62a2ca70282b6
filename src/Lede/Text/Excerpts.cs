namespace Lede.Text;

/// <summary>Cuts text to a readable excerpt: at a sentence end near the target length, else at a word boundary.</summary>
public static class Excerpts
{
    /// <value>Default: about 300 characters.</value>
    public const int TargetLength = 300;

    public static string Cut(string text, int target = TargetLength)
    {
        text = text.Trim();
        if (text.Length <= target + (target / 5))
        {
            return text;
        }

        // A sentence end between 60% and 120% of the target reads best.
        for (var i = Math.Min(text.Length - 1, target + (target / 5)); i >= target * 3 / 5; i--)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return text[..(i + 1)];
            }
        }

        var space = text.LastIndexOf(' ', target);
        return (space > target / 2 ? text[..space] : text[..target]).TrimEnd(',', ';', ':', ' ', '-', '–', '—') + "…";
    }
}
