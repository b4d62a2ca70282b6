using Lede.Score;

namespace Lede.Tests.Score;

public sealed class ClickbaitTests
{
    [Theory]
    [InlineData("5 things you need to know about the G7 summit")]
    [InlineData("Here are 10 ways AI will change your job")]
    [InlineData("The 7 best tips for securing your smart camera")]
    [InlineData("Seven reasons the ban failed")]
    [InlineData("Top 10 facial recognition apps of 2026")]
    [InlineData("You won't believe what this camera can see")]
    [InlineData("You Won’t Believe What Happened Next")]
    [InlineData("The council voted. Here's why")]
    [InlineData("SHOCKING footage from the protest")]
    [InlineData("Police tested the cameras on protesters?!")]
    [InlineData("Ban the cameras!!")]
    [InlineData("Do you know who is watching you?")]
    [InlineData("You'll never guess which city banned face scans")]
    [InlineData("This is why police love facial recognition")]
    [InlineData("The video that broke the internet")]
    [InlineData("POLICE CAMERAS WATCHING EVERYONE NOW, EXPERTS WARN")]
    [InlineData("JOB OPENINGS RISE LESS THAN EXPECTATIONS")]
    [InlineData("Justin Bieber's Shocking Deposition Footage")]
    public void Clickbait_headlines_cost_the_full_five(string title)
        => Clickbait.Hits(title).ShouldContain(h => h.Points == Clickbait.Strong);

    [Theory]
    [InlineData("Why the Minneapolis ban matters")]
    [InlineData("Facial recognition ban: what you need to know")]
    [InlineData("Here's what we know about the data breach")]
    [InlineData("An amazing reversal on police cameras")]
    [InlineData("This startup just raised $40 million for face scans")]
    public void Mild_patterns_cost_two(string title)
    {
        var hits = Clickbait.Hits(title);
        hits.ShouldNotBeEmpty();
        hits.ShouldAllBe(h => h.Points == Clickbait.Mild);
    }

    [Theory]
    [InlineData("G7 leaders meet in Hiroshima")]
    [InlineData("3 people killed in Minneapolis crash")]
    [InlineData("Minneapolis bans police use of facial recognition software")]
    [InlineData("UN experts call for moratorium on facial recognition")]
    [InlineData("NASA and the FBI sign AI agreement")]
    [InlineData("EU AI Act: Parliament votes 499 to 28")]
    [InlineData("2026 elections: 10 states adopt new voting rules")]
    [InlineData("This week in AI: OpenAI, Google and Meta")]
    [InlineData("This year's budget cuts police surveillance")]
    [InlineData("Youth groups oppose the camera plan")]
    [InlineData("Your Honor: court hears face-scan case")]
    [InlineData("Epic Games wins appeal against Apple")]
    [InlineData("Why did the council vote against the ban?")]
    [InlineData("Ten years after Snowden, surveillance grows")]
    [InlineData("5G rollout slows in rural areas")]
    [InlineData("WATCH: Council debates camera ban")]
    [InlineData("WATCH: Edward Snowden's SXSW Appearance")]
    [InlineData("Twitter Inc (TWTR) Goes Down [UPDATED]")]
    [InlineData("Fannie and Freddie Phase Out 'Shocking,' Real Estate Experts Say")]
    [InlineData("UniCredit in stunning $21B loss, plans turnaround")]
    [InlineData("Ferrero advances; Moya stunned in rainy Beijing")]
    [InlineData("")]
    [InlineData("   ")]
    public void News_headlines_are_not_clickbait(string title)
        => Clickbait.Hits(title).ShouldBeEmpty();

    [Fact]
    public void Each_family_fires_once()
        => Clickbait.Hits("5 things, 10 ways and 7 reasons!! Shocking!!").Count.ShouldBe(3);

    [Fact]
    public void Huge_headlines_are_cut_and_do_not_throw()
        => Should.NotThrow(() => Clickbait.Hits(string.Concat(Enumerable.Repeat("why this ", 50_000))));
}
