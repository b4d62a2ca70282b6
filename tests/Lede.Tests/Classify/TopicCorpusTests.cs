using Lede.Classify;

namespace Lede.Tests.Classify;

public sealed class TopicCorpusTests
{
    [Fact]
    public void Bad_lines_are_skipped_with_their_line_numbers_and_the_rest_are_read()
    {
        const string jsonl = """
            {"id": "a", "title": "Robots", "text": "arm", "labels": ["Robotics"]}
            not json
            {"id": 7, "text": "oven", "labels": ["Cooking", "Cooking", ""]}
            {"title": "no id", "labels": ["X"]}

            {"id": "b", "title": "no labels"}
            [1, 2]
            {"id": "c", "labels": ["X"]}
            """;

        var result = TopicCorpus.ReadJsonl(new StringReader(jsonl), requireLabels: true);

        result.Documents.Select(d => d.Id).ShouldBe(["a", "7"]);
        result.Documents[1].Labels.ShouldBe(["Cooking"]);
        result.Warnings.Select(w => w.Split(':')[0]).ShouldBe(["line 2", "line 4", "line 6", "line 7", "line 8"]);
        result.Warnings[1].ShouldBe("line 4: missing id");
        result.Warnings[2].ShouldBe("line 6: no labels array");
        result.Warnings[4].ShouldBe("line 8: id c: neither title nor text");
    }

    [Fact]
    public void Lines_to_classify_need_no_labels()
    {
        var result = TopicCorpus.ReadJsonl(new StringReader("""{"id":"b","title":"t"}"""), requireLabels: false);

        result.Warnings.ShouldBeEmpty();
        result.Documents.Single().Labels.ShouldBeEmpty();
    }

    [Fact]
    public void AG_News_rows_read_quoted_fields_and_class_names()
    {
        var dir = Directory.CreateTempSubdirectory("lede-agnews-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "classes.txt"), "World\nSports\n");
            File.WriteAllText(Path.Combine(dir.FullName, "test.csv"),
                "label,title,description\n2,\"Win, at last\",\"He said \"\"yes\"\" for #36;5\"\nx,bad\n1,Plain,text\\here\n");

            var result = TopicCorpus.ReadAgNews(dir.FullName);

            result.Documents.Count.ShouldBe(2);
            result.Documents[0].ShouldBe(new TopicDocument("row-2", "Win, at last", "He said \"yes\" for $5", result.Documents[0].Labels));
            result.Documents[0].Labels.ShouldBe(["Sports"]);
            result.Documents[1].Text.ShouldBe("text here");
            result.Warnings.Single().ShouldEndWith("row 3: expected label,title,description");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_corpus_is_a_warning_not_an_exception()
    {
        TopicCorpus.ReadBbc("/no/such/dir").Warnings.Single().ShouldEndWith("no such folder");
        TopicCorpus.ReadAgNews("/no/such/dir").Warnings.Single().ShouldEndWith("no such file");
    }
}
