namespace Lede.Records;

/// <summary>What is wrong with a record, and where: the file, the 1-based line (0 when it is about the whole file) and what was expected.</summary>
public sealed record RecordProblem(string Source, int Line, string Message)
{
    /// <summary>One line for a person: <c>file:line: message</c>.</summary>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}: {Message}" : $"{Source}: {Message}";
}
