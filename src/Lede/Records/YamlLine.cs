namespace Lede.Records;

/// <summary>One non-blank line of front matter, split into its parts.</summary>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="Indent">Column of the key (or of the value, for a scalar list item).</param>
/// <param name="StartsItem">True when the line begins a list item (<c>- </c>).</param>
/// <param name="Key">The mapping key, or null for a scalar list item.</param>
/// <param name="Value">The text after <c>key:</c> (or after <c>- </c>), untrimmed at the end; empty for a section header.</param>
/// <param name="Error">Why the line could not be split, reported only when the parser reaches it, so the first problem in the file is the one named.</param>
internal sealed record YamlLine(int Number, int Indent, bool StartsItem, string? Key, string Value, string? Error = null)
{
    /// <summary>How the line reads in an error message.</summary>
    public string Describe() => Key is null ? $"list item '{Value.Trim()}'" : $"'{Key}:'";
}
