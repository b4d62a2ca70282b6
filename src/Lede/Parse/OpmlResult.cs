namespace Lede.Parse;

/// <summary>What an OPML file lists, and what had to be skipped or repaired on the way.</summary>
/// <param name="Outlines">Every outline with a feed URL, in document order.</param>
/// <param name="Warnings">Every repair and every skipped outline.</param>
/// <param name="Error">Why there are no outlines (one line), when the file is not OPML at all.</param>
public sealed record OpmlResult(IReadOnlyList<OpmlOutline> Outlines, IReadOnlyList<ParseWarning> Warnings, string? Error = null);
