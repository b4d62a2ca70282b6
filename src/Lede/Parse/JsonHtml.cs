namespace Lede.Parse;

/// <summary>
/// An HTML member of a JSON feed, left where it lies in the document (a string's raw bytes, quotes removed) or, when it was
/// a number, as its text: it is sanitized once the item's base URL is known, which may be written after it.
/// </summary>
internal readonly record struct JsonHtml(string? Text, int Start, int Length, bool Escaped);
