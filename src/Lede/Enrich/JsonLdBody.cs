using System.Text.Json;
using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>The longest <c>articleBody</c> in the page's JSON-LD, as plain text: evidence for what the article text is.</summary>
internal static class JsonLdBody
{
    private const int MaxScriptChars = 2_000_000;

    public static string? Find(IDocument doc)
    {
        string? best = null;
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            if (type is null || !type.Contains("ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            var json = script.TextContent;
            if (json.Length > MaxScriptChars || !json.Contains("articleBody", StringComparison.Ordinal)) continue;
            try
            {
                using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Search(parsed.RootElement, ref best, 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; it is only evidence.
            }
        }

        return best is null ? null : Lede.Text.HtmlText.ToPlain(best);
    }

    private static void Search(JsonElement e, ref string? best, int depth)
    {
        if (depth > 32) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Search(item, ref best, depth + 1);
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.NameEquals("articleBody") && p.Value.ValueKind == JsonValueKind.String)
                {
                    var s = p.Value.GetString();
                    if (s is not null && s.Length > (best?.Length ?? 0)) best = s;
                }
                else Search(p.Value, ref best, depth + 1);
            }
        }
    }
}
