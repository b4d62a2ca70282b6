namespace Lede.Decide;

/// <summary>Whether an article is published, who decided, and the reasons, one line each.</summary>
/// <param name="Published">The decision.</param>
/// <param name="DecidedBy"><c>rules</c>, or the editor whose decision stands.</param>
/// <param name="Why">Each rule that passed or failed, or the editor's decision.</param>
public sealed record PublishVerdict(bool Published, string DecidedBy, IReadOnlyList<string> Why);
