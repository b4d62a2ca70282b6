using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lede.Normalize;

/// <summary>Reads the user-editable providers file (<c>providers.yml</c>): <c>providers: [{domain, name, tier?}]</c>.</summary>
public static class ProvidersFile
{
    private static readonly Lazy<ProvidersFileResult> Shipped = new(LoadDefault);

    /// <summary>The providers file shipped with Lede (Normalize/Data/providers.yml).</summary>
    public static ProvidersFileResult Default => Shipped.Value;

    /// <summary>The entries of <paramref name="yaml"/>; broken entries are skipped with a warning, never an exception.</summary>
    public static ProvidersFileResult Parse(string? yaml)
    {
        var entries = new List<ProviderEntry>();
        var warnings = new List<string>();
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return new(entries, warnings);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            warnings.Add($"providers file is not valid YAML: {e.Message}");
            return new(entries, warnings);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("providers"), out var list) || list is not YamlSequenceNode items)
        {
            warnings.Add("providers file has no 'providers:' list");
            return new(entries, warnings);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var line = item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                warnings.Add($"line {line}: an entry must be a mapping with domain and name");
                continue;
            }

            var domain = Scalar(map, "domain")?.Trim().TrimEnd('.').ToLowerInvariant();
            var name = Scalar(map, "name")?.Trim();
            var tierText = Scalar(map, "tier");
            if (string.IsNullOrEmpty(domain) || string.IsNullOrEmpty(name))
            {
                warnings.Add($"line {line}: entry needs both domain and name");
                continue;
            }

            int? tier = null;
            if (tierText is not null)
            {
                if (int.TryParse(tierText, System.Globalization.CultureInfo.InvariantCulture, out var t) && t is >= 1 and <= 5)
                {
                    tier = t;
                }
                else
                {
                    warnings.Add($"line {line}: tier '{tierText}' is not 1–5; ignored");
                }
            }

            if (!seen.Add(domain))
            {
                warnings.Add($"line {line}: {domain} is listed twice; the first entry wins");
                continue;
            }

            entries.Add(new ProviderEntry(domain, name, tier));
        }

        return new(entries, warnings);
    }

    private static string? Scalar(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static ProvidersFileResult LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Lede.Normalize.Data.providers.yml");
        if (stream is null)
        {
            return new([], ["the shipped providers file is missing from Lede.dll"]);
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
