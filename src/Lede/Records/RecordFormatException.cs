namespace Lede.Records;

/// <summary>A record that breaks the format at one line; the reader turns it into a <see cref="RecordProblem"/>.</summary>
internal sealed class RecordFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
