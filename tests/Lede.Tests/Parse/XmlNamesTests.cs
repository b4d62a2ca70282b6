using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class XmlNamesTests
{
    [Theory]
    [InlineData("title")]
    [InlineData("pubDate")]
    [InlineData("isPermaLink")]
    [InlineData("PUBDATE")]
    [InlineData("İtem")]
    [InlineData("Ärger")]
    [InlineData("")]
    public void Lower_gives_what_ToLowerInvariant_gives(string name)
        => XmlNames.Lower(name).ShouldBe(name.ToLowerInvariant());

    [Fact]
    public void A_lower_case_name_is_returned_as_is_and_a_mixed_case_one_is_lowered_once_per_thread()
    {
        var title = XmlNames.ForThread().Get("title");
        XmlNames.Lower(title).ShouldBeSameAs(title);
        var pubDate = XmlNames.ForThread().Get("pubDate");
        XmlNames.Lower(pubDate).ShouldBeSameAs(XmlNames.Lower(pubDate));
    }

    [Fact]
    public void Many_distinct_mixed_case_names_stay_correct_past_the_table_bound()
    {
        for (var i = 0; i < 1000; i++)
        {
            var name = "Name" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            XmlNames.Lower(name).ShouldBe("name" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
