using FsCheck;
using FsCheck.Fluent;
using Lede.Records;
using Lede.Tests.Support;

namespace Lede.Tests.Records;

public sealed class GeneratedRecordTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400).WithEndSize(30);

    [Fact]
    public void Generated_records_survive_write_read_write_unchanged()
        => Check.One(Runs, Prop.ForAll(RecordGenerators.Record.ToArbitrary(), record =>
        {
            var text = RecordWriter.Write(record);

            var result = RecordReader.Read(text, "generated");

            result.Problem.ShouldBeNull(text);
            RecordComparer.AssertSame(result.Record!, record);
            RecordWriter.Write(result.Record!).ShouldBe(text);
        }));

    [Fact]
    public void Generated_records_parse_as_YAML_to_the_same_values()
        => Check.One(Runs, Prop.ForAll(RecordGenerators.Record.ToArbitrary(), record =>
            YamlCrossCheck.AssertSameValues(RecordWriter.Write(record), record)));

    [Fact]
    public void Generated_records_read_through_UTF8_bytes_unchanged()
        => Check.One(Runs, Prop.ForAll(RecordGenerators.Record.ToArbitrary(), record =>
        {
            var bytes = RecordWriter.WriteBytes(record);

            RecordWriter.WriteBytes(RecordReader.Read(bytes, "generated").Record!).ShouldBe(bytes);
        }));

    [Theory]
    [InlineData("lone \ud800 high")]
    [InlineData("lone \udc00 low")]
    [InlineData("\ufffe\uffff")]
    public void Text_outside_what_UTF8_and_YAML_can_hold_is_escaped_and_kept(string title)
    {
        var record = Samples.Minimal with { Title = title };

        var text = RecordWriter.Write(record);

        text.ShouldContain("title: \"" + title.Replace("\ud800", "\\uD800", StringComparison.Ordinal)
            .Replace("\udc00", "\\uDC00", StringComparison.Ordinal).Replace("\ufffe\uffff", "\\uFFFE\\uFFFF", StringComparison.Ordinal) + "\"");
        RecordReader.Read(text, "t").Record!.Title.ShouldBe(title);
    }

    [Theory]
    [InlineData("The Daily Dot", "name: The Daily Dot")]
    [InlineData("true", "name: \"true\"")]
    [InlineData("No", "name: \"No\"")]
    [InlineData("2021", "name: \"2021\"")]
    [InlineData("9to5Mac", "name: 9to5Mac")]
    [InlineData("1.5", "name: \"1.5\"")]
    [InlineData("- dash", "name: \"- dash\"")]
    [InlineData("a: b", "name: \"a: b\"")]
    [InlineData("a #b", "name: \"a #b\"")]
    [InlineData("C#", "name: C#")]
    [InlineData("AT&T", "name: AT&T")]
    [InlineData("", "name: \"\"")]
    [InlineData(" x", "name: \" x\"")]
    [InlineData("Yahoo!", "name: Yahoo!")]
    [InlineData("null", "name: \"null\"")]
    [InlineData("Ars Technica: Tech", "name: \"Ars Technica: Tech\"")]
    public void Plain_fields_are_quoted_only_when_YAML_would_read_them_differently(string name, string line)
    {
        var text = RecordWriter.Write(Samples.Minimal with { Provider = new ProviderRef(name, "example.com") });

        text.ShouldContain("\n  " + line + "\n", Case.Sensitive);
    }
}
