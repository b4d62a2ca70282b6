namespace Lede.Store;

/// <summary>One thing <c>lede db check</c> found wrong: what kind, which row, what is wrong.</summary>
/// <param name="Kind"><c>integrity</c> (the database itself), <c>schema</c>, <c>related</c> (a link not listed both ways), <c>orphan</c> (a row pointing at nothing), <c>secured</c> (a payload that does not verify).</param>
/// <param name="Subject">The row it concerns, e.g. <c>article 944ab56ac52e7950</c>.</param>
/// <param name="Message">What is wrong, in one line.</param>
public sealed record StoreProblem(string Kind, string Subject, string Message)
{
    /// <summary>A notice, not an error: worth knowing and fixable (a payload sealed before the article binding), but nothing is wrong.</summary>
    public bool IsNotice { get; init; }

    /// <summary>The notice that a payload was sealed before the article binding, so another row could hold it unnoticed.</summary>
    public static StoreProblem SealedBeforeIdBinding(string subject)
        => new("secured", subject, "sealed before id binding: a swap with another article's payload would go unnoticed; 'lede keys rotate --continue' re-seals it") { IsNotice = true };

    public override string ToString() => $"{(IsNotice ? "notice: " : "")}{Kind}: {Subject}: {Message}";
}
