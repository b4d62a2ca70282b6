using System.Text.Json;
using System.Text.Json.Serialization;
using Lede.Classify;
using Lede.Decide;

namespace Lede.Pipeline;

/// <summary>Why an article got its topics, story, quality, heat and publishing verdict; kept with it for <c>lede explain</c>.</summary>
public sealed record Explanation
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Every topic with any evidence, highest first.</summary>
    public IReadOnlyList<TopicScore> Topics { get; init; } = [];

    /// <summary>The story it joined or opened; null for a copy or an article not clustered.</summary>
    public StoryReason? Story { get; init; }

    /// <summary>The article it copies, and how that was found; null when it is no copy.</summary>
    public CopyReason? CopyOf { get; init; }

    /// <summary>The quality score and its points.</summary>
    public required ScoreReason Quality { get; init; }

    /// <summary>The story's heat and its parts.</summary>
    public required ScoreReason Heat { get; init; }

    /// <summary>The publishing verdict when the article was last curated.</summary>
    public required PublishVerdict Publish { get; init; }

    /// <summary>The explanation as stored: compact JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored explanation; null (never an exception) when the text is not one.</summary>
    public static Explanation? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Explanation>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
