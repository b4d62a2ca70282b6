namespace Lede.Cli;

/// <summary>The exit codes of every command.</summary>
internal static class ExitCode
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
