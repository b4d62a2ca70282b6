namespace Lede.Cli;

/// <summary>The checkout Lede runs from, for what ships beside the code (samples/).</summary>
internal static class LedeHome
{
    /// <summary>A folder under the checkout: <c>LEDE_HOME</c> (set by the ./lede launcher), else the nearest parent of the binaries that has it.</summary>
    /// <exception cref="CliException">The folder is not found.</exception>
    public static string Find(string relative)
    {
        var home = Environment.GetEnvironmentVariable("LEDE_HOME");
        if (home is not null && Directory.Exists(Path.Combine(home, relative)))
        {
            return Path.Combine(home, relative);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, relative)))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new CliException($"cannot find {relative} in the Lede checkout (set LEDE_HOME to the checkout)");
    }
}
