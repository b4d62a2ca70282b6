namespace Lede.Classify;

public sealed partial class Taxonomy
{
    private static readonly Lazy<Taxonomy> DefaultTaxonomy = new(LoadDefault);

    /// <summary>The taxonomy of an AI news desk that ships with Lede (DefaultTopics.yml, embedded).</summary>
    public static Taxonomy Default => DefaultTaxonomy.Value;

    /// <summary>The text of the default taxonomy, a <c>topics:</c> section to copy into lede.yml.</summary>
    public static string DefaultYaml()
    {
        using var stream = typeof(Taxonomy).Assembly.GetManifestResourceStream("Lede.Classify.DefaultTopics.yml")
            ?? throw new InvalidOperationException("the default taxonomy is missing from the Lede assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Taxonomy LoadDefault()
    {
        var result = Parse(DefaultYaml(), "DefaultTopics.yml");
        return result.Errors.Count == 0 ? result.Taxonomy : throw new InvalidOperationException(result.Errors[0]);
    }
}
