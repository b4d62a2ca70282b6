namespace Lede.Sources;

/// <summary>Checks a URL a user gives as a source.</summary>
public static class SourceUrl
{
    /// <summary>The absolute http(s) URL, or the reason it is not one.</summary>
    public static (Uri? Url, string? Problem) Parse(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
        {
            return (null, $"'{text}' is not an absolute URL");
        }

        return url.Scheme is "http" or "https" ? (url, null) : (null, $"'{text}' is not an http or https URL");
    }
}
