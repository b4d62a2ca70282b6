using Lede.Fetch;

namespace Lede.Tests.Fetch;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 0 ", 0)]
    [InlineData("Tue, 24 Nov 2026 12:05:00 GMT", 300)]
    [InlineData("Tue, 24 Nov 2026 11:00:00 GMT", 0)]
    public void Seconds_and_http_dates_are_read(string value, int seconds)
        => RetryAfter.Parse(value, Now).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Unreadable_values_give_nothing(string? value)
        => RetryAfter.Parse(value, Now).ShouldBeNull();
}
