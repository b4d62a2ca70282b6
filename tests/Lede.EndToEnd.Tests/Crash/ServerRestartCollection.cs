namespace Lede.EndToEnd.Tests.Crash;

/// <summary>
/// Tests that restart the shared PostgreSQL server run alone: other classes' direct queries do not retry, and a restart
/// under them fails them for a reason that is not theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerRestartCollection
{
    public const string Name = "PostgreSQL server restarts";
}
