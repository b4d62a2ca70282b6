namespace Lede.Normalize;

/// <summary>Which evidence gave a provider its name.</summary>
public enum ProviderNameSource
{
    ProvidersFile,
    SiteName,
    Publisher,
    FeedTitle,
    Domain,
}
