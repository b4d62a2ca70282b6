using System.Globalization;

namespace Lede.Benchmarks.Store;

/// <summary>
/// The arguments of <c>store insert|search|layers N [--db PATH|CONNSTRING] [--batch B] [--queries Q] [--kind K] [--passes P] [--dump FILE]</c>;
/// the last three for search: only the queries of one kind, P passes over them (the last one reported), and each query's
/// hits written to a file (to compare two builds' results).
/// </summary>
internal sealed record StoreBenchArguments(string Verb, int Count, string? Db, int Batch, int Queries, string? Kind = null, int Passes = 1, string? Dump = null)
{
    public static StoreBenchArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[1] is not ("insert" or "search" or "layers"))
        {
            throw new ArgumentException("usage: store insert|search|layers N [--db PATH|CONNSTRING] [--batch B] [--queries Q]", nameof(args));
        }

        var count = args.Count > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
        string? Option(string name)
        {
            for (var i = 2; i < args.Count - 1; i++)
            {
                if (args[i] == name)
                {
                    return args[i + 1];
                }
            }

            return null;
        }

        return new StoreBenchArguments(
            args[1],
            count,
            Option("--db"),
            Option("--batch") is { } batch ? int.Parse(batch, CultureInfo.InvariantCulture) : 500,
            Option("--queries") is { } queries ? int.Parse(queries, CultureInfo.InvariantCulture) : 1_000,
            Option("--kind"),
            Option("--passes") is { } passes ? Math.Max(1, int.Parse(passes, CultureInfo.InvariantCulture)) : 1,
            Option("--dump"));
    }
}
