namespace Lede.Classify;

/// <summary>A taxonomy read from YAML, and one line per problem found in it (the topics that were fine are kept).</summary>
public sealed record TaxonomyResult(Taxonomy Taxonomy, IReadOnlyList<string> Errors);
