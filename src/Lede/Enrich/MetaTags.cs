using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>The page's <c>meta</c> tags by lower-cased key (property, name, itemprop or http-equiv), in document order.</summary>
internal sealed class MetaTags
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    /// <summary>Every tag as (key, content) in document order: og:image and its :width/:height belong together by position.</summary>
    public List<(string Key, string Value)> Ordered { get; } = [];

    public MetaTags(IDocument document)
    {
        foreach (var meta in document.GetElementsByTagName("meta"))
        {
            var content = meta.GetAttribute("content") ?? meta.GetAttribute("value") ?? meta.GetAttribute("datetime");
            if (string.IsNullOrWhiteSpace(content)) continue;
            content = content.Trim();
            // One tag may name several keys (property="og:title" name="twitter:title"): record it under each.
            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
            {
                var key = meta.GetAttribute(attribute);
                if (string.IsNullOrWhiteSpace(key)) continue;
                foreach (var part in key.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Add(part.ToLowerInvariant(), content);
                }
            }
        }
    }

    /// <summary>The first value of the first key that has one.</summary>
    public string? First(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (_values.TryGetValue(key, out var list)) return list[0];
        }

        return null;
    }

    /// <summary>Every value of a key.</summary>
    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var list) ? list : [];

    private void Add(string key, string value)
    {
        if (!_values.TryGetValue(key, out var list)) _values[key] = list = [];
        list.Add(value);
        Ordered.Add((key, value));
    }
}
