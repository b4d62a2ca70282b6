using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lede.Classify;

public sealed partial class Taxonomy
{
    private static readonly string[] Keys = ["name", "description", "phrases", "exclude", "exclusions", "parent"];

    /// <summary>
    /// Reads the <c>topics:</c> section of a YAML file such as lede.yml (a file without one gives an empty taxonomy).
    /// Topics are a mapping from name to settings, or a list of settings each with a <c>name</c>.
    /// </summary>
    /// <param name="yaml">The whole file's text.</param>
    /// <param name="path">The file's name as errors should show it.</param>
    /// <returns>The valid topics, and one line per problem: <c>lede.yml:12: topic 'Robotics': …</c>.</returns>
    public static TaxonomyResult Parse(string? yaml, string path)
    {
        var errors = new List<string>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml ?? ""));
        }
        catch (YamlException e)
        {
            return new TaxonomyResult(Empty, [$"{path}:{e.Start.Line}: {OneLine(e.Message)}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("topics"), out var section)
            || section is YamlScalarNode { Value: null or "" })
        {
            return new TaxonomyResult(Empty, []);
        }

        var topics = new List<Topic>();
        switch (section)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    AddTopic(Scalar(key), value, topics, errors, path);
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list)
                {
                    var name = item is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? Scalar(n) : null;
                    AddTopic(name, item, topics, errors, path);
                }

                break;
            default:
                errors.Add($"{path}:{Line(section)}: topics: expected a mapping of topic names to settings, or a list of topics");
                break;
        }

        CheckParents(topics, errors, path);
        return new TaxonomyResult(new Taxonomy(topics), errors);
    }

    private static void AddTopic(string? name, YamlNode node, List<Topic> topics, List<string> errors, string path)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{path}:{Line(node)}: topics: a topic has no name");
            return;
        }

        name = name.Trim();
        var where = $"{path}:{Line(node)}: topic '{name}'";
        if (topics.Exists(t => t.Name == name))
        {
            errors.Add($"{where}: declared twice; the first one is kept");
            return;
        }

        if (node is YamlScalarNode { Value: null or "" })
        {
            topics.Add(new Topic(name, "", [], [], null));
            return;
        }

        if (node is not YamlMappingNode settings)
        {
            errors.Add($"{where}: expected settings (description, phrases, exclude, parent)");
            return;
        }

        string description = "";
        string? parent = null;
        var phrases = new List<TopicPhrase>();
        var exclusions = new List<string>();
        foreach (var (keyNode, value) in settings.Children)
        {
            var key = Scalar(keyNode) ?? "";
            switch (key)
            {
                case "name":
                    break;
                case "description":
                    description = Scalar(value) ?? "";
                    break;
                case "parent":
                    parent = string.IsNullOrWhiteSpace(Scalar(value)) ? null : Scalar(value)!.Trim();
                    break;
                case "phrases":
                    ReadPhrases(value, phrases, errors, $"{path}:{Line(value)}: topic '{name}'");
                    break;
                case "exclude" or "exclusions":
                    ReadList(value, exclusions, errors, $"{path}:{Line(value)}: topic '{name}': {key}");
                    break;
                default:
                    errors.Add($"{path}:{Line(keyNode)}: topic '{name}': unknown setting '{key}' (known: {string.Join(", ", Keys)})");
                    break;
            }
        }

        topics.Add(new Topic(name, description, phrases, exclusions, parent));
    }

    private static void ReadPhrases(YamlNode node, List<TopicPhrase> phrases, List<string> errors, string where)
    {
        // A mapping gives weights ("facial recognition: 3"); a list item without one weighs 1.
        IEnumerable<(YamlNode Key, YamlNode? Value)> entries = node switch
        {
            YamlMappingNode map => map.Children.Select(kv => (kv.Key, (YamlNode?)kv.Value)),
            YamlSequenceNode list => list.SelectMany(item => item is YamlMappingNode m
                ? m.Children.Select(kv => (kv.Key, (YamlNode?)kv.Value))
                : [(item, null)]),
            _ => [],
        };
        if (node is not (YamlMappingNode or YamlSequenceNode))
        {
            errors.Add($"{where}: phrases: expected a mapping of phrase to weight, or a list of phrases");
            return;
        }

        foreach (var (key, value) in entries)
        {
            var text = Scalar(key)?.Trim();
            if (string.IsNullOrEmpty(text) || TopicTokens.Tokenize(text).Count == 0)
            {
                errors.Add($"{where}: phrases: a phrase has no words");
                continue;
            }

            var weight = 1.0;
            if (value is not null && !double.TryParse(Scalar(value), NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
            {
                errors.Add($"{where}: phrase '{text}': weight '{Scalar(value)}' is not a number");
                continue;
            }

            if (!double.IsFinite(weight) || weight <= 0 || weight > 100)
            {
                errors.Add($"{where}: phrase '{text}': weight {weight.ToString(CultureInfo.InvariantCulture)} is outside (0, 100]");
                continue;
            }

            phrases.Add(new TopicPhrase(text, weight));
        }
    }

    private static void ReadList(YamlNode node, List<string> into, List<string> errors, string where)
    {
        var items = node switch
        {
            YamlSequenceNode list => list.Select(Scalar),
            YamlScalarNode scalar => [scalar.Value],
            _ => null,
        };
        if (items is null)
        {
            errors.Add($"{where}: expected a list of phrases");
            return;
        }

        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item) || TopicTokens.Tokenize(item).Count == 0)
            {
                errors.Add($"{where}: a phrase has no words");
            }
            else
            {
                into.Add(item.Trim());
            }
        }
    }

    private static void CheckParents(List<Topic> topics, List<string> errors, string path)
    {
        var names = topics.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var topic in topics.Where(t => t.Parent is not null))
        {
            if (!names.Contains(topic.Parent!))
            {
                errors.Add($"{path}: topic '{topic.Name}': parent '{topic.Parent}' is not a topic");
            }
        }

        var byName = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { topic.Name };
            for (var p = topic.Parent; p is not null && byName.TryGetValue(p, out var up); p = up.Parent)
            {
                if (!seen.Add(p))
                {
                    errors.Add($"{path}: topic '{topic.Name}': parent links form a cycle");
                    break;
                }
            }
        }
    }

    private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private static long Line(YamlNode node) => node.Start.Line;

    private static string OneLine(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
