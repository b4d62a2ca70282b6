using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lede.Pipeline;

/// <summary>A <see cref="FreshItem"/> as JSON, the form it waits in a work queue between a feed's fetch and its page's read.</summary>
public static class FreshItemJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static string Write(FreshItem item) => JsonSerializer.Serialize(item, Options);

    /// <summary>The item, or null with the reason when the text is not one (a damaged or foreign queue row).</summary>
    public static (FreshItem? Item, string? Problem) Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<FreshItem>(json, Options) is { Feed: not null } item
                ? (item, null)
                : (null, "not a queued feed item");
        }
        catch (JsonException e)
        {
            return (null, $"not a queued feed item: {e.Message}");
        }
    }
}
