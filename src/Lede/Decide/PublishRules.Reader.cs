using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lede.Decide;

public sealed partial record PublishRules
{
    private static readonly string[] Keys = ["min_quality", "min_heat", "topics", "allow_providers", "deny_providers"];

    /// <summary>Reads the <c>publish:</c> section of a YAML file such as lede.yml; without one, <see cref="None"/>.</summary>
    /// <param name="yaml">The whole file's text.</param>
    /// <param name="path">The file's name as errors should show it.</param>
    /// <returns>The rules (the settings that were fine), and one line per problem: <c>lede.yml:7: publish: min_quality: …</c>.</returns>
    public static (PublishRules Rules, IReadOnlyList<string> Errors) Parse(string? yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml ?? ""));
        }
        catch (YamlException e)
        {
            return (None, [$"{path}:{e.Start.Line}: {string.Join(' ', e.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("publish"), out var section))
        {
            return (None, []);
        }

        if (section is YamlScalarNode { Value: null or "" })
        {
            // "publish:" with nothing under it: publish everything.
            return (new PublishRules(), []);
        }

        if (section is not YamlMappingNode settings)
        {
            return (None, [$"{path}:{section.Start.Line}: publish: expected settings ({string.Join(", ", Keys)})"]);
        }

        var errors = new List<string>();
        var rules = new PublishRules();
        foreach (var (keyNode, value) in settings.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var where = $"{path}:{value.Start.Line}: publish: {key}";
            rules = key switch
            {
                "min_quality" => rules with { MinQuality = Number(value, 0, 100, where, errors) },
                "min_heat" => rules with { MinHeat = Number(value, -1, 100, where, errors) },
                "topics" => rules with { Topics = Names(value, where, errors) },
                "allow_providers" => rules with { AllowProviders = Names(value, where, errors) },
                "deny_providers" => rules with { DenyProviders = Names(value, where, errors) },
                _ => Unknown(rules, $"{path}:{keyNode.Start.Line}: publish: unknown setting '{key}' (known: {string.Join(", ", Keys)})", errors),
            };
        }

        return (rules, errors);
    }

    private static PublishRules Unknown(PublishRules rules, string error, List<string> errors)
    {
        errors.Add(error);
        return rules;
    }

    private static int? Number(YamlNode node, int min, int max, string where, List<string> errors)
    {
        var text = (node as YamlScalarNode)?.Value;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors.Add($"{where}: '{text}' is not a whole number from {min} to {max}");
        return null;
    }

    private static List<string> Names(YamlNode node, string where, List<string> errors)
    {
        var items = node switch
        {
            YamlSequenceNode list => list.Select(i => (i as YamlScalarNode)?.Value),
            YamlScalarNode { Value: { Length: > 0 } one } => [one],
            _ => null,
        };
        if (items is null)
        {
            errors.Add($"{where}: expected a list of names");
            return [];
        }

        var names = new List<string>();
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                errors.Add($"{where}: an empty entry");
            }
            else
            {
                names.Add(item.Trim());
            }
        }

        return names;
    }
}
