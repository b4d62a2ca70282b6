using Lede.Records;
using Lede.Tests.Support;

namespace Lede.Tests.Records;

public sealed class RecordRoundTripTests
{
    public static TheoryData<string> Samples => new(Repo.SampleRecords().Select(Path.GetFileName)!);

    [Theory, MemberData(nameof(Samples))]
    public void Every_sample_record_reads_and_writes_back_byte_for_byte(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Shared("spec/records"), name));

        var result = RecordReader.Read(bytes, name);

        result.Problem.ShouldBeNull();
        var written = RecordWriter.WriteBytes(result.Record!);
        Assert.Equal(bytes, written);
    }

    [Theory, MemberData(nameof(Samples))]
    public void Every_sample_record_reads_to_the_values_YamlDotNet_reads(string name)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Shared("spec/records"), name));

        var record = RecordReader.Read(text, name).Record!;

        YamlCrossCheck.AssertSameValues(text, record);
    }

    [Fact]
    public void The_samples_hold_the_fields_FORMAT_md_describes()
    {
        var path = Repo.SampleRecords().First(p => p.EndsWith("000_02ffa5deb697b13d.txt", StringComparison.Ordinal));

        var record = RecordReader.Read(File.ReadAllBytes(path), path).Record!;

        record.Title.ShouldBe("UN calls for immediate halt to use of facial recognition");
        record.PublishedDateTime.ShouldBe(new DateTime(2021, 9, 16, 20, 13, 0, DateTimeKind.Utc));
        record.CdnAmpWebUrl.ShouldStartWith("https://www-dailydot-com.cdn.ampproject.org/c/s/");
        (record.Quality, record.Heat, record.Published).ShouldBe((59, 69, false));
        record.Provider.ShouldBe(new ProviderRef("The Daily Dot", "dailydot.com"));
        record.Topics.ShouldBe(["Computer Vision", "AI"]);
        record.Images.ShouldHaveSingleItem().ShouldBe(new RecordImage(
            "https://uploads.dailydot.com/2021/09/UN-Calls-For-Moratorium-On-AI-and-Facial-Recognition.jpg?auto=compress%2Cformat&ixlib=php-3.3.0",
            2000, 1000, true));
        var related = record.Related.ShouldHaveSingleItem();
        related.Provider.Domain.ShouldBe("ifex.org");
        related.Quality.ShouldBe(33);
        related.AmpWebUrl.ShouldBeNull();
        record.Secured!.Iv.ShouldBe("74RF+3s45tvoGUvC/+3wDw==");
        record.Body.ShouldBe("\n");
    }
}
