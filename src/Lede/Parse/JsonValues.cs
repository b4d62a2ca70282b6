using System.Text.Json;

namespace Lede.Parse;

/// <summary>Tolerant reads from JSON: a value of the wrong type is absent, never an exception.</summary>
internal static class JsonValues
{
    public static string? Str(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? AsString(v) : null;

    public static string? AsString(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => ReadContext.NullIfEmpty(v.GetString()),
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };

    public static JsonElement? Prop(JsonElement e, string name, JsonValueKind kind)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == kind ? v : null;

    public static IEnumerable<JsonElement> Array(JsonElement e, string name)
        => Prop(e, name, JsonValueKind.Array) is { } a ? a.EnumerateArray() : [];

    public static long? Long(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l
            : ReadContext.Long(Str(e, name));

    public static int? Int(JsonElement e, string name)
        => Long(e, name) is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    public static List<string> Strings(JsonElement e, string name)
    {
        var list = new List<string>();
        foreach (var v in Array(e, name))
        {
            var s = v.ValueKind == JsonValueKind.Object ? Str(v, "name") ?? Str(v, "title") : AsString(v);
            if (s is not null && !list.Contains(s)) list.Add(s.Trim());
        }

        return list;
    }
}
