namespace Lede.Records;

/// <summary>What a well-formed record must also mean: real URLs, AMP URLs in pairs, a plausible provider, no self-relation.</summary>
public static class RecordRules
{
    /// <summary>One broken rule: the field and what is wrong with it.</summary>
    public sealed record Violation(string Field, string Message);

    public static IEnumerable<Violation> Check(ArticleRecord record)
    {
        var violations = new List<Violation>();
        Url(violations, "originalUrl", record.OriginalUrl);
        Url(violations, "webUrl", record.WebUrl);
        AmpPair(violations, "", record.AmpWebUrl, record.CdnAmpWebUrl);
        Provider(violations, "provider", record.Provider);
        if (record.Title.Trim().Length == 0)
        {
            violations.Add(new("title", "title: expected a title, found an empty one"));
        }

        foreach (var image in record.Images)
        {
            Url(violations, "images", image.Url);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var related in record.Related)
        {
            Url(violations, "related", related.WebUrl);
            AmpPair(violations, "related.", related.AmpWebUrl, related.CdnAmpWebUrl);
            Provider(violations, "related", related.Provider);
            if (related.WebUrl == record.WebUrl)
            {
                violations.Add(new("related", "related: lists the article itself"));
            }
            else if (!seen.Add(related.WebUrl))
            {
                violations.Add(new("related", $"related: lists {related.WebUrl} twice"));
            }
        }

        return violations;
    }

    private static void Url(List<Violation> violations, string field, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            violations.Add(new(field, $"{field}: expected an absolute http(s) URL, found '{RecordReader.Shorten(url)}'"));
        }
    }

    private static void AmpPair(List<Violation> violations, string prefix, string? amp, string? cdn)
    {
        if (amp is not null)
        {
            Url(violations, prefix + "ampWebUrl", amp);
        }

        if (cdn is not null)
        {
            Url(violations, prefix + "cdnAmpWebUrl", cdn);
            if (amp is null)
            {
                violations.Add(new(prefix + "cdnAmpWebUrl", $"{prefix}cdnAmpWebUrl: given without an ampWebUrl to derive it from"));
            }
        }
    }

    private static void Provider(List<Violation> violations, string field, ProviderRef provider)
    {
        var domain = provider.Domain;
        if (domain.Length == 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' || char.IsAsciiLetterUpper(c)))
        {
            violations.Add(new(field, $"{field}: expected a lowercase registrable domain like example.com, found '{RecordReader.Shorten(domain)}'"));
        }

        if (provider.Name.Trim().Length == 0)
        {
            violations.Add(new(field, $"{field}: expected a provider name, found an empty one"));
        }
    }
}
