namespace Lede.Parse;

/// <summary>One subscription of an OPML file: a feed URL with what the file says about it.</summary>
/// <param name="XmlUrl">The feed's URL, made absolute against the OPML file's URL when known.</param>
/// <param name="HtmlUrl">The site's URL, when given.</param>
/// <param name="Title">The <c>title</c> attribute as plain text.</param>
/// <param name="Text">The <c>text</c> attribute as plain text.</param>
/// <param name="Category">The <c>category</c> attribute, else the titles of the enclosing folders joined by '/'.</param>
public sealed record OpmlOutline(string XmlUrl, string? HtmlUrl, string? Title, string? Text, string? Category);
