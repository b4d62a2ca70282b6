using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>
/// Main-text extraction: a Readability-style scorer and trafilatura-style body selectors on a boilerplate-pruned tree,
/// arbitrated (JSON-LD <c>articleBody</c> as evidence when present), with a cascade of looser attempts for short results.
/// </summary>
/// <remarks>Never throws and never changes <c>doc</c>; work is bounded by <see cref="ExtractOptions.Deadline"/>.</remarks>
public static class ArticleExtractor
{
    /// <summary>Extracts the main text and sanitized HTML of <paramref name="doc"/>; <paramref name="url"/> resolves relative links.</summary>
    public static ExtractedText Extract(IDocument doc, Uri? url = null, ExtractOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        options ??= new ExtractOptions();
        var warnings = new List<string>();
        var deadline = new Deadline(options.Deadline, options.DeadlineFloor);
        try
        {
            var evidence = JsonLdBody.Find(doc);
            var best = Attempt(doc, strict: true, evidence, options, deadline);
            if (best.Length < options.MinTextLength && !deadline.Passed)
            {
                // Cascade: without the class-name pruning, which sometimes hits the content's own wrapper.
                var loose = Attempt(doc, strict: false, evidence, options, deadline);
                if (loose.Length > best.Length) best = loose;
            }

            if (evidence is not null && evidence.Length > Math.Max(best.Length * 2, options.MinTextLength))
            {
                warnings.Add("main text taken from the page's JSON-LD articleBody");
                best = new Result([new Paragraph(evidence, 0, "p", null)], []);
            }

            if (deadline.Passed) warnings.Add($"extraction stopped at the {options.Deadline.TotalSeconds:0.#} s deadline; the text may be partial");
            if (best.Paragraphs.Count == 0)
            {
                warnings.Add("no main text found");
                return ExtractedText.Empty(warnings);
            }

            var text = string.Join("\n\n", best.Paragraphs.Select(p => p.Text));
            var html = options.IncludeHtml ? Lede.Text.HtmlSanitizer.Sanitize(TextWriter.Html(best.Roots), url?.AbsoluteUri) ?? "" : "";
            if (options.IncludeHtml && best.Roots.Count == 0) html = string.Join("", best.Paragraphs.Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p.Text) + "</p>"));
            return new ExtractedText(text, html, warnings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            warnings.Add($"extraction failed: {e.GetType().Name}: {e.Message}");
            return ExtractedText.Empty(warnings);
        }
    }

    private sealed record Result(List<Paragraph> Paragraphs, List<ContentNode> Roots)
    {
        public int Length { get; } = Paragraphs.Sum(p => p.Text.Length);
    }

    private static Result Attempt(IDocument doc, bool strict, string? evidence, ExtractOptions options, Deadline deadline)
    {
        var root = ContentTree.Build(doc, deadline);
        ContentCleaner.Prune(root, strict, deadline);
        ContentTree.Count(root);
        var selected = BodySelector.Find(root);
        var scored = ReadabilityScorer.FindContent(root, deadline);
        ContentCleaner.CleanInside(selected, deadline);
        ContentCleaner.CleanInside(scored, deadline);
        ContentTree.Count(root);
        var bySelector = new Result(ParagraphFilter.Apply(TextWriter.Paragraphs(selected)), selected);
        var byScore = new Result(ParagraphFilter.Apply(TextWriter.Paragraphs(scored)), scored);
        Result chosen;
        if (evidence is not null && evidence.Length >= options.MinTextLength)
        {
            chosen = Agreement(bySelector, evidence) >= Agreement(byScore, evidence) ? bySelector : byScore;
            // Evidence much shorter than the text is a teaser or a truncated body: it can choose, not cut.
            if (evidence.Length >= 0.7 * chosen.Length) chosen = chosen with { Paragraphs = ParagraphFilter.KeepAgreeing(chosen.Paragraphs, evidence) };
        }
        else if (bySelector.Length < options.MinTextLength) chosen = byScore.Length >= bySelector.Length ? byScore : bySelector;
        // trafilatura's arbitration: the generic algorithm wins only when it finds much more.
        else chosen = byScore.Length > 2 * bySelector.Length ? byScore : bySelector;
        return chosen;
    }

    private static double Agreement(Result r, string evidence)
        => r.Paragraphs.Count == 0 ? 0 : ExtractionScore.Match(evidence, string.Join("\n", r.Paragraphs.Select(p => p.Text))).F1;
}
