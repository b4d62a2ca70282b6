using Lede.Classify;
using Lede.Decide;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lede.Cli;

/// <summary>Settings from <c>lede.yml</c>; command-line options override them.</summary>
/// <param name="Db">The database, as <c>--db</c> takes it.</param>
/// <param name="Keys">The key file for secured payloads.</param>
/// <param name="Topics">The topic taxonomy from the file's <c>topics:</c> section; null when it has none.</param>
/// <param name="Publish">The publishing rules from the file's <c>publish:</c> section; none when it has none.</param>
internal sealed record LedeConfig(string? Db, string? Keys, Taxonomy? Topics = null, PublishRules? Publish = null)
{
    /// <value>Default: ./lede.yml, read only when present.</value>
    public const string DefaultPath = "./lede.yml";

    private static readonly string[] Known = ["db", "keys", "topics", "publish"];

    /// <summary>Reads the configuration file; a missing default file means no settings, a missing named one is an error.</summary>
    /// <exception cref="CliException">The file cannot be read or is not a YAML mapping of known settings.</exception>
    public static LedeConfig Load(string? path)
    {
        var file = path ?? DefaultPath;
        if (!File.Exists(file))
        {
            return path is null ? new LedeConfig(null, null) : throw new CliException($"config file {file} does not exist");
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new CliException($"{file}:{e.Start.Line}: {e.Message}");
        }

        if (yaml.Documents.Count == 0)
        {
            return new LedeConfig(null, null);
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CliException($"{file}: expected a mapping of settings (key: value)");
        }

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""))
        {
            if (!Known.Contains(key, StringComparer.Ordinal))
            {
                throw new CliException($"{file}: unknown setting '{key}' (known: {string.Join(", ", Known)})");
            }
        }

        string? Setting(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
        Taxonomy? topics = null;
        if (root.Children.ContainsKey(new YamlScalarNode("topics")))
        {
            var parsed = Taxonomy.Parse(File.ReadAllText(file), file);
            topics = parsed.Errors.Count == 0 ? parsed.Taxonomy : throw new CliException(parsed.Errors[0]);
        }

        var (publish, errors) = PublishRules.Parse(File.ReadAllText(file), file);
        if (errors.Count > 0)
        {
            throw new CliException(errors[0]);
        }

        return new LedeConfig(Setting("db"), Setting("keys"), topics, publish);
    }
}
