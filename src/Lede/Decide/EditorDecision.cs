namespace Lede.Decide;

/// <summary>One editor's decision on one article; the newest one always wins over the publishing rules.</summary>
/// <param name="Action">What the editor did.</param>
/// <param name="Editor">Who decided.</param>
/// <param name="At">When, UTC.</param>
/// <param name="Why">The editor's reason; required for a rejection.</param>
public sealed record EditorDecision(EditorAction Action, string Editor, DateTime At, string? Why)
{
    /// <summary>Whether the article is published after this decision.</summary>
    public bool Published => Action == EditorAction.Publish;

    /// <summary>The decision as one line, for <c>lede explain</c>.</summary>
    public override string ToString()
        => $"{Action.ToString().ToLowerInvariant()} by {Editor} at {At:yyyy-MM-dd HH:mm}Z{(string.IsNullOrEmpty(Why) ? "" : $": {Why}")}";
}
