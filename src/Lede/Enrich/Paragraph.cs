namespace Lede.Enrich;

/// <summary>One paragraph of extracted text, with the block it came from and how much of it is link text.</summary>
internal sealed record Paragraph(string Text, int LinkChars, string Kind, ContentNode? Source);
