using Lede.Cluster;

namespace Lede.Cli;

/// <summary>Reads a story corpus file for the stories verbs: CSV with a header when it ends in .csv, JSON Lines otherwise.</summary>
internal static class StoriesFiles
{
    /// <summary>Reads the file; each skipped or repaired line is printed to stderr, naming the file.</summary>
    /// <exception cref="CliException">The file does not exist.</exception>
    public static StoryCorpusResult Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path} does not exist");
        }

        using var reader = new StreamReader(path);
        var result = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? StoryCorpus.ReadCsv(reader) : StoryCorpus.ReadJsonl(reader);
        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"lede: {path}: {warning}");
        }

        return result;
    }

    /// <summary>Document id → cluster of the entries that carry one; a repeated id keeps its first cluster with a warning.</summary>
    public static Dictionary<string, string> Clusters(string path, StoryCorpusResult corpus, ref int problems)
    {
        var clusters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in corpus.Entries)
        {
            if (entry.Cluster is null)
            {
                Console.Error.WriteLine($"lede: {path}: line {entry.Line}: id {entry.Document.Id}: no cluster or story");
                problems++;
            }
            else if (!clusters.TryAdd(entry.Document.Id, entry.Cluster))
            {
                Console.Error.WriteLine($"lede: {path}: line {entry.Line}: id {entry.Document.Id} repeated, the first is kept");
                problems++;
            }
        }

        return clusters;
    }
}
