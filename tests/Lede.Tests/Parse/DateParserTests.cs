using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("Thu, 16 Sep 2021 20:13:00 GMT", "2021-09-16T20:13:00")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 +0000", "2021-09-16T20:13:00")]
    [InlineData("Thu, 16 Sep 2021 16:13:00 EDT", "2021-09-16T20:13:00")]
    [InlineData("Thu, 16 Sep 2021 13:13:00 PDT", "2021-09-16T20:13:00")]
    [InlineData("Thu, 16 Sep 2021 20:13 UT", "2021-09-16T20:13:00")]
    [InlineData("Mon, 16 Sep 2021 20:13:00 Z", "2021-09-16T20:13:00")]
    [InlineData("16 Sep 2021 20:13:00 GMT", "2021-09-16T20:13:00")]
    [InlineData("Thu 16 Sep 21 20:13:00 GMT", "2021-09-16T20:13:00")]
    [InlineData("Thursday, 16-Sep-21 20:13:00 GMT", "2021-09-16T20:13:00")]
    [InlineData("Thu Sep 16 20:13:00 2021", "2021-09-16T20:13:00")]
    [InlineData("Thu Sep 16 22:13:00 CEST 2021", "2021-09-16T20:13:00")]
    [InlineData("2021/09/16 20:13:00", "2021-09-16T20:13:00")]
    [InlineData("Thu, 16 September 2021 22:13:00 +02:00", "2021-09-16T20:13:00")]
    [InlineData("Thu, 16 Sep 2021 15:13:00 E", "2021-09-16T20:13:00")] // RFC 822 military zone E is -5
    [InlineData("Thu, 16 Sep 2021", "2021-09-16T00:00:00")]
    [InlineData("2021-09-16T20:13:00Z", "2021-09-16T20:13:00")]
    [InlineData("2021-09-16T22:13:00+02:00", "2021-09-16T20:13:00")]
    [InlineData("2021-09-16T22:13:00+0200", "2021-09-16T20:13:00")]
    [InlineData("2021-09-16 20:13:00", "2021-09-16T20:13:00")]
    [InlineData("2021-09-16T20:13:00.5Z", "2021-09-16T20:13:00.5")]
    [InlineData("2021-09-16", "2021-09-16T00:00:00")]
    [InlineData("20210916T201300Z", "2021-09-16T20:13:00")]
    public void Common_feed_dates_are_read_as_utc(string text, string expected)
    {
        var date = DateParser.Parse(text).ShouldNotBeNull();
        date.Kind.ShouldBe(DateTimeKind.Utc);
        date.ShouldBe(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Thu, 32 Sep 2021 20:13:00 GMT")]
    [InlineData("2021-13-01")]
    [InlineData("America/Los_Angeles")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2021/09-16")]
    [InlineData("16-Sep-21-20")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 -0100")]
    [InlineData("Fri, 31 Dec 9999 24:00:00 GMT")]
    [InlineData("Sat, 01 Jan 0001 00:30:00 +0100")]
    [InlineData("Fri, 31 Dec 9999 23:30 -01:00")]
    public void Nonsense_is_null_not_an_exception(string text) => DateParser.Parse(text).ShouldBeNull();

    [Theory]
    [InlineData("Thu, 16 Sep 2021 20:13:00 GMT")]
    [InlineData("thu, 16 sep 2021 20:13:00 gmt")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 UTC")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 -0730")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 +1400")]
    [InlineData("  Thu, 16 Sep 2021 20:13:00 GMT\n")]
    [InlineData("Thu, 29 Feb 2021 20:13:00 GMT")]
    [InlineData("Thu, 00 Sep 2021 20:13:00 GMT")]
    [InlineData("Thu, 16 Sep 2021 24:00:00 GMT")]
    [InlineData("Thu, 16 Sep 2021 20:13:60 GMT")]
    [InlineData("Mar, 16 Sep 2021 20:13:00 GMT")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 EST")]
    [InlineData("Thu, 16 Xyz 2021 20:13:00 GMT")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 +07:0")]
    [InlineData("Thu, 16 Sep 2021 20:1a:00 GMT")]
    [InlineData("Thu, 16 Sep 0000 00:00:00 +0100")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 -0100")]
    [InlineData("2021-09-16T20:13:00Z")]
    [InlineData("2021-09-16T20:13:00.123+05:30")]
    [InlineData("2021-13-16T20:13:00Z")]
    [InlineData("16-Sep-21 20:13:00 GMT")]
    [InlineData("   ")]
    public void Reading_in_place_gives_what_the_string_gives(string text)
        => DateParser.Parse(text.AsSpan()).ShouldBe(DateParser.Parse(text));

    [Theory]
    [InlineData("Thu, 16 Sep 2021 20:13:00 GMT")]
    [InlineData("thu, 16 sep 2021 20:13:00 gmt")]
    [InlineData("Sun, 01 Jan 2006 00:00:00 UTC")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 -0730")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 +1400")]
    [InlineData("Thu, 29 Feb 2021 20:13:00 GMT")]
    [InlineData("Thu, 00 Sep 2021 20:13:00 GMT")]
    [InlineData("Thu, 16 Sep 2021 24:00:00 GMT")]
    [InlineData("Thu, 16 Sep 2021 20:13:60 GMT")]
    [InlineData("Mar, 16 Sep 2021 20:13:00 GMT")]
    [InlineData("Thu, 16 Sep 0000 00:00:00 +0100")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 -0100")]
    [InlineData("Sat, 01 Jan 0001 00:30:00 +0100")]
    public void Canonical_rfc1123_dates_read_as_the_word_by_word_reader_reads_them(string text)
        => DateParser.Parse(text).ShouldBe(DateParser.ParseRfc822(text));

    [Theory]
    [InlineData("Thu, 16 Sep 2021 20:13:00 -0730", "2021-09-17T03:43:00")]
    [InlineData("Thu, 16 Sep 2021 20:13:00 +1400", "2021-09-16T06:13:00")]
    [InlineData("Thu, 16 Sep 2021 20:13:59 utc", "2021-09-16T20:13:59")]
    public void Canonical_rfc1123_dates_apply_their_offset(string text, string expected)
        => DateParser.Parse(text).ShouldBe(DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc));
}
