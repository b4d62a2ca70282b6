namespace Lede.Enrich;

/// <summary>What an article's page added: its facts and its main text.</summary>
/// <param name="FinalUrl">Where the page was found after redirects.</param>
/// <param name="Facts">Metadata read from the page.</param>
/// <param name="Text">The main text and its sanitized HTML.</param>
public sealed record EnrichedPage(Uri FinalUrl, PageFacts Facts, ExtractedText Text);
