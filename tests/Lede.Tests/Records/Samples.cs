using Lede.Records;

namespace Lede.Tests.Records;

/// <summary>Small hand-made records for tests that change one field.</summary>
public static class Samples
{
    public static ArticleRecord Minimal { get; } = new()
    {
        Title = "A title",
        Excerpt = "An excerpt.",
        PublishedDateTime = new DateTime(2021, 9, 16, 20, 13, 0, DateTimeKind.Utc),
        OriginalUrl = "https://example.com/a?utm_source=x",
        WebUrl = "https://example.com/a",
        Quality = 50,
        Heat = -1,
        Provider = new ProviderRef("Example", "example.com"),
    };
}
