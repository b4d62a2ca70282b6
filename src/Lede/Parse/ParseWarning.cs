namespace Lede.Parse;

/// <summary>Something a reader repaired or dropped on the way, for the person reading the log.</summary>
/// <param name="Kind"><c>xml</c> (a well-formedness recovery), <c>encoding</c>, <c>date</c>, <c>url</c>, <c>content</c>, <c>limit</c> (a field cut or items dropped, see <see cref="FeedLimits"/>) or <c>other</c>.</param>
/// <param name="Message">One line: what was wrong and what the reader did.</param>
public sealed record ParseWarning(string Kind, string Message);
