namespace Lede.Score;

/// <summary>One recent story, for the heat baseline: how many distinct providers it has and the time from its first to its last article.</summary>
/// <param name="Providers">Distinct providers in the story.</param>
/// <param name="Span">Time from the story's first article to its newest.</param>
public sealed record StoryActivity(int Providers, TimeSpan Span);
