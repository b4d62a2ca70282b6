namespace Lede.Sources;

/// <summary>A feed Lede follows, with its fetch state.</summary>
public sealed record Source
{
    public long Id { get; init; }
    public required string Url { get; init; }
    public string? Title { get; init; }
    /// <summary>Topics the user expects from this source; a hint for classification.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public SourceState State { get; init; } = new();
}
