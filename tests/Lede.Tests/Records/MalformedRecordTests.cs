using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Lede.Records;
using Lede.Tests.Support;

namespace Lede.Tests.Records;

public sealed class MalformedRecordTests
{
    private static readonly string Sample = File.ReadAllText(Repo.SampleRecords().First());

    public static TheoryData<string, string, int, string> Cases => new()
    {
        { "no opening delimiter", Sample[4..], 1, "expected '---' to open the front matter" },
        { "no closing delimiter", Sample[..Sample.LastIndexOf("---", StringComparison.Ordinal)], 46, "expected a closing '---' line" },
        { "fields out of order", Swap("title: ", "excerpt: "), 3, "expected 'title:', found 'excerpt:'" },
        { "quality out of range", Sample.Replace("quality: 59", "quality: 150", StringComparison.Ordinal), 11, "expected 'quality:' to be 0 to 100, found 150" },
        { "heat not a number", Sample.Replace("heat: 69", "heat: hot", StringComparison.Ordinal), 12, "expected an integer for 'heat:'" },
        { "published not a boolean", Sample.Replace("published: false", "published: yes", StringComparison.Ordinal), 13, "expected true or false for 'published:'" },
        { "date not a time", Sample.Replace("2021-09-16T20:13:00Z", "yesterday", StringComparison.Ordinal), 5, "expected a UTC time like" },
        { "unterminated quote", Sample.Replace("facial recognition\"\n", "facial recognition\n", StringComparison.Ordinal), 3, "expected a closing '\"' on the same line" },
        { "unknown escape", Sample.Replace("The UN Human", "The \\q UN Human", StringComparison.Ordinal), 4, "unknown escape '\\q'" },
        { "tab indentation", Sample.Replace("  name: The Daily Dot", "\tname: The Daily Dot", StringComparison.Ordinal), 16, "expected spaces for indentation, found a tab" },
        { "unknown type", Sample.Replace("type: article\nquality", "type: podcast\nquality", StringComparison.Ordinal), 10, "expected 'article' or 'video' for 'type:'" },
        { "secured without IV", Sample.Replace(";74RF+3s45tvoGUvC/+3wDw==", "", StringComparison.Ordinal), 45, "secured: expected '<base64 ciphertext>;<base64 IV>'" },
        { "secured IV too short", Sample.Replace(";74RF+3s45tvoGUvC/+3wDw==", ";74RF+3s45tvo", StringComparison.Ordinal), 45, "expected the IV to be base64 of 16 bytes" },
        { "unknown field", Sample.Replace("\nsecured:", "\nsource: rss\n\nsecured:", StringComparison.Ordinal), 45, "found 'source:'" },
        { "missing provider", Sample.Replace("provider:\n  name: The Daily Dot\n  domain: dailydot.com\n", "", StringComparison.Ordinal), 16, "expected 'provider:', found 'topics:'" },
        { "provider without domain", Sample.Replace("  domain: dailydot.com\n", "", StringComparison.Ordinal), 18, "expected 'domain:', found 'topics:'" },
        { "value on two lines", Sample.Replace("title: \"UN calls", "title:\n  UN calls \"x", StringComparison.Ordinal), 3, "expected a value for 'title:' on the same line" },
        { "block scalar", Sample.Replace("excerpt: \"The UN", "excerpt: >\n  The UN", StringComparison.Ordinal), 4, "expected the value on one line" },
        { "text after a quoted value", Sample.Replace("recognition\"\nexcerpt", "recognition\" extra\nexcerpt", StringComparison.Ordinal), 3, "expected the end of the line after the closing quote" },
        { "empty list section", Sample.Replace("topics:\n  - Computer Vision\n  - AI\n", "topics:\n", StringComparison.Ordinal), 21, "expected a list item under 'topics:'" },
        { "empty file", "", 1, "expected '---' to open the front matter" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void A_malformed_record_names_the_line_and_what_was_expected(string why, string text, int line, string expected)
    {
        var result = RecordReader.Read(text, "bad.txt");

        result.Record.ShouldBeNull(why);
        result.Problem.ShouldNotBeNull(why);
        result.Problem.Source.ShouldBe("bad.txt");
        result.Problem.Message.ShouldContain(expected, Case.Sensitive, why);
        result.Problem.Line.ShouldBe(line, why);
        result.Problem.ToString().ShouldStartWith($"bad.txt:{line}: ");
    }

    [Fact]
    public void Invalid_UTF8_is_a_problem_that_says_where()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample);
        bytes[40] = 0xFF;

        var result = RecordReader.Read(bytes, "bad.txt");

        result.Record.ShouldBeNull();
        result.Problem!.Message.ShouldBe("expected UTF-8 text, found an invalid byte sequence at byte 40");
    }

    [Fact]
    public void Truncated_or_corrupted_samples_give_a_record_or_a_problem_never_an_exception()
    {
        var samples = Repo.SampleRecords().Select(File.ReadAllBytes).ToArray();
        var damage =
            from sample in Gen.Elements(samples)
            from cut in Gen.Choose(0, sample.Length)
            from at in Gen.Choose(0, sample.Length - 1)
            from value in Gen.Choose(0, 255)
            from flip in Gen.Elements(true, false)
            select flip ? Flip(sample, at, (byte)value) : sample[..cut];

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(damage.ToArbitrary(), bytes =>
        {
            var result = RecordReader.Read(bytes, "damaged.txt");
            (result.Record is null).ShouldBe(result.Problem is not null);
        }));
    }

    private static byte[] Flip(byte[] sample, int at, byte value)
    {
        var copy = (byte[])sample.Clone();
        copy[at] = value;
        return copy;
    }

    private static string Swap(string first, string second)
    {
        var lines = Sample.Split('\n');
        var a = Array.FindIndex(lines, l => l.StartsWith(first, StringComparison.Ordinal));
        var b = Array.FindIndex(lines, l => l.StartsWith(second, StringComparison.Ordinal));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }
}
