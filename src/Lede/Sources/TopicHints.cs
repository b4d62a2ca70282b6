namespace Lede.Sources;

/// <summary>Topic hints from an OPML category: <c>/AI,/Privacy/EU</c> is a list of slash-delimited paths, and every part of each is a hint.</summary>
public static class TopicHints
{
    public static IReadOnlyList<string> FromCategory(string? category)
        => (category ?? "").Split([',', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
