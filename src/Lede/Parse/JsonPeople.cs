using System.Text.Json;

namespace Lede.Parse;

/// <summary>JSON Feed 1.1 "authors", else 1.0 "author", as they are read (the last of a repeated member wins).</summary>
internal struct JsonPeople
{
    private List<string>? _names;
    private bool _any;
    private string? _single;

    /// <summary>Reads the property the reader is on when it is "authors" or "author"; false (nothing read) for any other.</summary>
    public bool TryRead(ref Utf8JsonReader r)
    {
        if (r.ValueTextEquals("authors"u8))
        {
            JsonValues.ToValue(ref r);
            (_names, _any) = (null, false);
            if (r.TokenType != JsonTokenType.StartArray)
            {
                r.Skip();
                return true;
            }

            while (JsonValues.NextElement(ref r))
            {
                _any = true;
                if (Name(ref r) is { } name) (_names ??= []).Add(name);
            }

            return true;
        }

        if (!r.ValueTextEquals("author"u8)) return false;
        JsonValues.ToValue(ref r);
        _single = Name(ref r);
        return true;
    }

    /// <summary>The "name" of the object the reader is on; null for an object without one or any other value (skipped).</summary>
    private static string? Name(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return null;
        }

        string? name = null;
        while (JsonValues.NextProperty(ref r))
        {
            if (r.ValueTextEquals("name"u8)) name = JsonValues.Value(ref r);
            else JsonValues.Skip(ref r);
        }

        return name;
    }

    public readonly List<FeedPerson> ToList()
    {
        var list = new List<FeedPerson>();
        foreach (var name in _names ?? []) list.Add(new FeedPerson(name, null));
        if (!_any && _single is not null) list.Add(new FeedPerson(_single, null));
        return list;
    }
}
