namespace Lede.Enrich;

/// <summary>The main content of a page: plain text with paragraphs separated by blank lines, and its sanitized HTML.</summary>
public sealed record ExtractedText(string Text, string Html, IReadOnlyList<string> Warnings)
{
    /// <summary>Nothing found.</summary>
    public static ExtractedText Empty(IReadOnlyList<string> warnings) => new("", "", warnings);
}
