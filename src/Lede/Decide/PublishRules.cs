using Lede.Records;

namespace Lede.Decide;

/// <summary>The desk's publishing rules (the <c>publish:</c> section of lede.yml); an editor's decision outranks them.</summary>
/// <remarks>
/// Every rule that is set must pass. Without a <c>publish:</c> section nothing is published automatically:
/// nothing goes out before an editor or an explicit rule says so.
/// </remarks>
public sealed partial record PublishRules
{
    /// <summary>No rules: only editors publish.</summary>
    public static PublishRules None { get; } = new() { Enabled = false };

    /// <summary>Whether the rules publish anything at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Lowest quality published (0..100); null: any.</summary>
    public int? MinQuality { get; init; }

    /// <summary>Lowest heat published; an unknown heat (-1) fails it. Null: any.</summary>
    public int? MinHeat { get; init; }

    /// <summary>The article needs at least one of these topics; empty: any.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Only these providers (domain, sub-domains included, or name); empty: all.</summary>
    public IReadOnlyList<string> AllowProviders { get; init; } = [];

    /// <summary>Never these providers (domain, sub-domains included, or name).</summary>
    public IReadOnlyList<string> DenyProviders { get; init; } = [];

    /// <summary>The rules' verdict on <paramref name="record"/>, with one line per rule.</summary>
    public PublishVerdict Judge(ArticleRecord record)
    {
        if (!Enabled)
        {
            return new PublishVerdict(false, "rules", ["no publishing rules (lede.yml has no publish: section): waiting for an editor"]);
        }

        var why = new List<string>();
        var pass = true;
        void Check(bool ok, string passed, string failed)
        {
            pass &= ok;
            why.Add(ok ? $"pass: {passed}" : $"fail: {failed}");
        }

        if (MinQuality is { } quality)
        {
            Check(record.Quality >= quality, $"quality {record.Quality} >= {quality}", $"quality {record.Quality} < {quality}");
        }

        if (MinHeat is { } heat)
        {
            Check(record.Heat >= heat, $"heat {record.Heat} >= {heat}", record.Heat < 0 ? "heat not known yet" : $"heat {record.Heat} < {heat}");
        }

        if (Topics.Count > 0)
        {
            var shared = record.Topics.Where(t => Topics.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
            Check(shared.Count > 0, $"on topic ({string.Join(", ", shared)})", $"none of the topics {string.Join(", ", Topics)}");
        }

        if (AllowProviders.Count > 0)
        {
            Check(AllowProviders.Any(p => Matches(p, record.Provider)), $"provider {record.Provider.Domain} allowed", $"provider {record.Provider.Domain} not in the allow list");
        }

        if (DenyProviders.FirstOrDefault(p => Matches(p, record.Provider)) is { } denied)
        {
            Check(false, "", $"provider {record.Provider.Domain} denied ({denied})");
        }

        return new PublishVerdict(pass, "rules", why);
    }

    private static bool Matches(string entry, ProviderRef provider)
        => string.Equals(entry, provider.Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(entry, provider.Domain, StringComparison.OrdinalIgnoreCase)
        || provider.Domain.EndsWith("." + entry, StringComparison.OrdinalIgnoreCase);
}
