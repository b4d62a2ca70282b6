using System.Text.Json;

namespace Lede.Parse;

/// <summary>What the root of a JSON feed holds, as far as it was read: the members of both formats and their item arrays.</summary>
/// <remarks>A repeated member counts once, the last one read, as a lookup in a parsed document would find it.</remarks>
internal sealed class JsonRoot
{
    public string? Version, Title, Description, HomePageUrl, FeedUrl, Language, Icon, Favicon;
    public JsonPeople People;

    /// <summary>True when the root is an array: news-JSON without a wrapper; its elements are in <see cref="News"/>.</summary>
    public bool IsArray;

    /// <summary>Whether an "items" member was met (of any type), and whether the last one was not an array.</summary>
    public bool HasItems, ItemsNotArray;

    public List<JsonFeedReader.Item?>? Items;
    public List<NewsJsonReader.News?>? News, Value;

    /// <summary>Reads the root value the reader is on (an object or array), filling the members as they come.</summary>
    /// <remarks>On malformed JSON the exception leaves what was read complete: an item is added only once it is whole.</remarks>
    public void Read(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.StartArray)
        {
            IsArray = true;
            News = [];
            ReadNewsArray(ref r, News);
            return;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return;
        }

        while (JsonValues.NextProperty(ref r))
        {
            if (r.ValueTextEquals("items"u8)) ReadItems(ref r);
            else if (r.ValueTextEquals("news"u8)) ReadNewsMember(ref r, ref News);
            else if (r.ValueTextEquals("value"u8)) ReadNewsMember(ref r, ref Value);
            else if (r.ValueTextEquals("version"u8)) Version = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("title"u8)) Title = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("home_page_url"u8)) HomePageUrl = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("feed_url"u8)) FeedUrl = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("description"u8)) Description = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("language"u8)) Language = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("icon"u8)) Icon = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("favicon"u8)) Favicon = JsonValues.Value(ref r);
            else if (!People.TryRead(ref r)) JsonValues.Skip(ref r);
        }
    }

    private void ReadItems(ref Utf8JsonReader r)
    {
        JsonValues.ToValue(ref r);
        HasItems = true;
        ItemsNotArray = r.TokenType != JsonTokenType.StartArray;
        Items = null;
        if (ItemsNotArray)
        {
            r.Skip();
            return;
        }

        var items = new List<JsonFeedReader.Item?>();
        // Kept as soon as the array starts: the items read before a syntax error count.
        Items = items;
        while (JsonValues.NextElement(ref r))
        {
            if (r.TokenType == JsonTokenType.StartObject)
            {
                items.Add(JsonFeedReader.ReadItem(ref r));
            }
            else
            {
                r.Skip();
                items.Add(null);
            }
        }
    }

    private static void ReadNewsMember(ref Utf8JsonReader r, ref List<NewsJsonReader.News?>? list)
    {
        JsonValues.ToValue(ref r);
        list = null;
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return;
        }

        list = [];
        ReadNewsArray(ref r, list);
    }

    private static void ReadNewsArray(ref Utf8JsonReader r, List<NewsJsonReader.News?> list)
    {
        while (JsonValues.NextElement(ref r))
        {
            if (r.TokenType == JsonTokenType.StartObject)
            {
                list.Add(NewsJsonReader.ReadNews(ref r));
            }
            else
            {
                r.Skip();
                list.Add(null);
            }
        }
    }
}
