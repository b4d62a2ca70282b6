using FsCheck;
using FsCheck.Fluent;
using Lede.Pipeline;
using Lede.Tests.Records;

namespace Lede.Tests.Pipeline;

public sealed class FreshItemJsonTests
{
    [Fact]
    public void Any_item_comes_back_from_its_queue_form_unchanged()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(RecordGenerators.Record.ToArbitrary(), record =>
        {
            var item = new FreshItem(record, "Example \u0000 News", "<p>A <b>description</b> \ud83d\ude00</p>", Dated: true);

            var (back, problem) = FreshItemJson.Read(FreshItemJson.Write(item));

            problem.ShouldBeNull();
            RecordComparer.AssertSame(back!.Feed, record);
            (back.FeedTitle, back.Description, back.Dated, back.Link).ShouldBe((item.FeedTitle, item.Description, true, record.OriginalUrl));
        }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"feed\": 42}")]
    [InlineData("[1, 2")]
    public void A_damaged_queue_row_is_a_problem_not_an_exception(string json)
    {
        var (item, problem) = FreshItemJson.Read(json);

        item.ShouldBeNull();
        problem.ShouldStartWith("not a queued feed item");
    }
}
