namespace Lede.Store;

/// <summary>One thing <c>lede db check</c> found wrong: what kind, which row, what is wrong.</summary>
/// <param name="Kind"><c>integrity</c> (the database itself), <c>schema</c>, <c>related</c> (a link not listed both ways), <c>orphan</c> (a row pointing at nothing), <c>secured</c> (a payload that does not verify).</param>
/// <param name="Subject">The row it concerns, e.g. <c>article 944ab56ac52e7950</c>.</param>
/// <param name="Message">What is wrong, in one line.</param>
public sealed record StoreProblem(string Kind, string Subject, string Message)
{
    public override string ToString() => $"{Kind}: {Subject}: {Message}";
}
