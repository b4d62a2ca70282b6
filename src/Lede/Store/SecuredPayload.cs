namespace Lede.Store;

/// <summary>What an article keeps private: its full text, its authors and the description as the source wrote it.</summary>
/// <param name="Text">The main text, paragraphs separated by blank lines.</param>
/// <param name="Authors">The authors' names.</param>
/// <param name="Description">The raw description (feed or page) before Lede chose the excerpt.</param>
public sealed record SecuredPayload(string Text, IReadOnlyList<string> Authors, string? Description);
