namespace Lede.Store;

/// <summary>A search hit's snippet as plain text with the spans of its matched words, for outputs that mark them their own way.</summary>
/// <param name="Text">The snippet without marks.</param>
/// <param name="Highlights">Each matched span as (start, length) in UTF-16 code units of <paramref name="Text"/>, in order.</param>
public sealed record SearchSnippet(string Text, IReadOnlyList<(int Start, int Length)> Highlights)
{
    /// <summary>Splits a snippet marked with <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/>; stray or unbalanced marks are dropped.</summary>
    public static SearchSnippet Parse(string? marked)
    {
        var text = new System.Text.StringBuilder(marked?.Length ?? 0);
        var highlights = new List<(int Start, int Length)>();
        int? start = null;
        foreach (var c in marked ?? "")
        {
            if (c == SearchHit.MarkStart)
            {
                start ??= text.Length;
            }
            else if (c == SearchHit.MarkEnd)
            {
                if (start is { } s && text.Length > s)
                {
                    highlights.Add((s, text.Length - s));
                }

                start = null;
            }
            else
            {
                text.Append(c);
            }
        }

        return new SearchSnippet(text.ToString(), highlights);
    }

    /// <summary>The text with each highlight wrapped by <paramref name="wrap"/> and the rest by <paramref name="plain"/> (an encoder, say).</summary>
    public string Render(Func<string, string> wrap, Func<string, string> plain)
    {
        ArgumentNullException.ThrowIfNull(wrap);
        ArgumentNullException.ThrowIfNull(plain);
        var output = new System.Text.StringBuilder();
        var at = 0;
        foreach (var (start, length) in Highlights)
        {
            output.Append(plain(Text[at..start])).Append(wrap(Text.Substring(start, length)));
            at = start + length;
        }

        return output.Append(plain(Text[at..])).ToString();
    }
}
