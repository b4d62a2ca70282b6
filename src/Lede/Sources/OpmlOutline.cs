namespace Lede.Sources;

/// <summary>A feed an OPML subscription list names.</summary>
/// <param name="XmlUrl">The feed's URL.</param>
/// <param name="Title">Its title (<c>title</c>, else <c>text</c>).</param>
/// <param name="HtmlUrl">The site's URL, when given.</param>
/// <param name="Categories">From the <c>category</c> attribute and the folders (parent outlines) it sits in.</param>
public sealed record OpmlOutline(string XmlUrl, string? Title, string? HtmlUrl, IReadOnlyList<string> Categories);
