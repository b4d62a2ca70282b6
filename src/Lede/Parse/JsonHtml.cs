namespace Lede.Parse;

/// <summary>
/// An HTML member of a JSON feed, kept until the item's base URL is known (it may be written after it): the string's raw
/// bytes where they lie in the document (quotes removed), or its characters already unescaped by <see cref="JsonSkips"/>
/// (<see cref="Chars"/>), or, when it was a number, its text.
/// </summary>
internal readonly record struct JsonHtml(string? Text, char[]? Chars, int Start, int Length, bool Escaped)
{
    /// <summary>The characters of a string <see cref="JsonSkips"/> unescaped, valid until the thread's next document.</summary>
    public static JsonHtml Unescaped(char[] chars, int start, int length) => new(null, chars, start, length, false);
}
