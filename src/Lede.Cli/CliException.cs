namespace Lede.Cli;

/// <summary>A failure the command line reports as one line on stderr with exit code 1.</summary>
internal sealed class CliException(string message) : Exception(message);
