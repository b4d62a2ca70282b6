using Lede.Sources;

namespace Lede.Tests.Sources;

public sealed class TopicHintsTests
{
    [Theory]
    [InlineData("AI/Privacy", new[] { "AI", "Privacy" })]
    [InlineData("/Tech/AI, /Tech/Robotics", new[] { "Tech", "AI", "Robotics" })]
    [InlineData("", new string[0])]
    [InlineData(null, new string[0])]
    public void Every_part_of_every_category_path_is_a_hint(string? category, string[] expected)
        => TopicHints.FromCategory(category).ShouldBe(expected);
}
