using System.Globalization;
using Lede.Classify;
using Lede.Decide;
using Lede.Enrich;
using Lede.Fetch;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lede.Cli;

/// <summary>Settings from <c>lede.yml</c>; command-line options override them.</summary>
/// <param name="Db">The database, as <c>--db</c> takes it.</param>
/// <param name="Keys">The key file for secured payloads.</param>
/// <param name="Topics">The topic taxonomy from the file's <c>topics:</c> section; null when it has none.</param>
/// <param name="Publish">The publishing rules from the file's <c>publish:</c> section; none when it has none.</param>
/// <param name="Fetch">Politeness per host from the file's <c>fetch:</c> section (<c>per_host_concurrency</c>, <c>per_host_delay</c> in seconds, <c>robots</c>, <c>image_timeout</c> in seconds); null for the defaults.</param>
/// <param name="Images">The image cache's limits from the file's <c>images:</c> section (<c>max_total_mb</c>, <c>max_age_days</c>); null for the defaults.</param>
internal sealed record LedeConfig(string? Db, string? Keys, Taxonomy? Topics = null, PublishRules? Publish = null, FetchOptions? Fetch = null, ImageCacheOptions? Images = null)
{
    /// <value>Default: ./lede.yml, read only when present.</value>
    public const string DefaultPath = "./lede.yml";

    private static readonly string[] Known = ["db", "keys", "topics", "publish", "fetch", "images"];
    private static readonly string[] FetchSettings = ["per_host_concurrency", "per_host_delay", "robots", "image_timeout"];
    private static readonly string[] ImageSettings = ["max_total_mb", "max_age_days"];

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
        string text;
        try
        {
            text = File.ReadAllText(file);
            yaml.Load(new StringReader(text));
        }
        catch (IOException e)
        {
            throw new CliException($"{file}: cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException($"{file}: cannot be read: {e.Message}");
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
            var parsed = Taxonomy.Parse(text, file);
            topics = parsed.Errors.Count == 0 ? parsed.Taxonomy : throw new CliException(parsed.Errors[0]);
        }

        var (publish, errors) = PublishRules.Parse(text, file);
        if (errors.Count > 0)
        {
            throw new CliException(errors[0]);
        }

        var fetch = root.Children.TryGetValue(new YamlScalarNode("fetch"), out var fetchNode) ? ReadFetch(fetchNode, file) : null;
        var images = root.Children.TryGetValue(new YamlScalarNode("images"), out var imagesNode) ? ReadImages(imagesNode, file) : null;
        return new LedeConfig(Setting("db"), Setting("keys"), topics, publish, fetch, images);
    }

    /// <summary>The <c>fetch:</c> section: how hard Lede may press one host.</summary>
    private static FetchOptions ReadFetch(YamlNode node, string file)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new CliException($"{file}:{node.Start.Line}: expected 'fetch:' to be a mapping ({string.Join(", ", FetchSettings)})");
        }

        var options = new FetchOptions();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var text = (value as YamlScalarNode)?.Value ?? "";
            options = name switch
            {
                "per_host_concurrency" when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 64
                    => options with { PerHostConcurrency = n },
                "per_host_delay" when double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 3600
                    => options with { PerHostDelay = TimeSpan.FromSeconds(seconds) },
                "robots" when bool.TryParse(text, out var obey) => options with { ObeyRobots = obey },
                "image_timeout" when double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 300
                    => options with { ImageTimeout = TimeSpan.FromSeconds(seconds) },
                _ when FetchSettings.Contains(name, StringComparer.Ordinal) => throw new CliException(
                    $"{file}:{value.Start.Line}: expected fetch.{name} to be {Expected(name)}, found '{text}'"),
                _ => throw new CliException($"{file}:{key.Start.Line}: unknown fetch setting '{name}' (known: {string.Join(", ", FetchSettings)})"),
            };
        }

        return options;
    }

    /// <summary>The <c>images:</c> section: how much the image cache may keep, and for how long.</summary>
    private static ImageCacheOptions ReadImages(YamlNode node, string file)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw new CliException($"{file}:{node.Start.Line}: expected 'images:' to be a mapping ({string.Join(", ", ImageSettings)})");
        }

        var options = new ImageCacheOptions();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var text = (value as YamlScalarNode)?.Value ?? "";
            options = name switch
            {
                "max_total_mb" when double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mb) && mb is >= 0.01 and <= 10_000_000
                    => options with { MaxTotalBytes = (long)(mb * 1024 * 1024) },
                "max_age_days" when double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 36_500
                    => options with { MaxAge = TimeSpan.FromDays(days) },
                _ when ImageSettings.Contains(name, StringComparer.Ordinal) => throw new CliException(
                    $"{file}:{value.Start.Line}: expected images.{name} to be {Expected(name)}, found '{text}'"),
                _ => throw new CliException($"{file}:{key.Start.Line}: unknown images setting '{name}' (known: {string.Join(", ", ImageSettings)})"),
            };
        }

        return options;
    }

    private static string Expected(string setting) => setting switch
    {
        "per_host_delay" => "0–3600 seconds",
        "robots" => "true or false",
        "image_timeout" => "1–300 seconds",
        "max_total_mb" => "0.01–10000000 (megabytes)",
        "max_age_days" => "more than 0 and at most 36500 days",
        _ => "1–64",
    };
}
