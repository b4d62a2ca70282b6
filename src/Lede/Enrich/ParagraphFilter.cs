namespace Lede.Enrich;

/// <summary>The precision pass on extracted paragraphs: boilerplate lines, link lists, trailing headings, and disagreement with JSON-LD.</summary>
internal static class ParagraphFilter
{
    public static List<Paragraph> Apply(List<Paragraph> paragraphs)
    {
        var kept = new List<Paragraph>(paragraphs.Count);
        foreach (var p in paragraphs)
        {
            if (p.Text.Length < 100 && ContentHints.BoilerplateLine().IsMatch(p.Text)) continue;
            if (p.Text.Length < 400 && p.LinkChars > 0.5 * p.Text.Length) continue;
            kept.Add(p);
        }

        // A heading with nothing after it introduces something that was cut (related stories, comments).
        while (kept.Count > 0 && IsHeading(kept[^1].Kind)) kept.RemoveAt(kept.Count - 1);
        foreach (var p in paragraphs.Except(kept))
        {
            if (p.Source is not null && p.Source.Chars <= p.Text.Length + 10) p.Source.Removed = true;
        }

        return kept;
    }

    private static bool IsHeading(string kind) => kind is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    /// <summary>
    /// With a JSON-LD body as evidence: paragraphs sharing no shingle with it go when they lie outside the span it covers, or
    /// anywhere when the extraction covers the evidence almost whole (then it is not truncated, and extra text is extra).
    /// </summary>
    public static List<Paragraph> KeepAgreeing(List<Paragraph> paragraphs, string evidence)
    {
        var known = ExtractionScore.Shingles(evidence);
        var agrees = paragraphs.Select(p => Agrees(p.Text, known)).ToList();
        var first = agrees.IndexOf(true);
        var last = agrees.LastIndexOf(true);
        if (first < 0) return paragraphs;
        var coverage = ExtractionScore.Match(evidence, string.Join("\n", paragraphs.Select(p => p.Text))).Recall;
        var kept = new List<Paragraph>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var outside = i < first || (i > last && coverage > 0.9);
            if (!agrees[i] && (outside || coverage > 0.95)) continue;
            kept.Add(paragraphs[i]);
        }

        return kept;
    }

    private static bool Agrees(string text, IReadOnlyDictionary<string, int> known)
    {
        var own = ExtractionScore.Shingles(text);
        if (own.Count == 0) return false;
        var hits = own.Keys.Count(known.ContainsKey);
        return hits >= Math.Max(1, own.Count / 5);
    }
}
