using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryCorpusTests
{
    [Fact]
    public void Corpus_lines_map_doc_id_date_and_source_and_bad_lines_are_named()
    {
        const string jsonl = """
            {"doc_id": "d1", "cluster": "c1", "source": "fox", "date": "2010-06-14", "title": "T", "text": "Body"}
            {"id": "d2", "text": "x"
            {"id": 7, "story": 3, "text": "y", "publishedDateTime": "2026-03-10T09:00:00+01:00"}
            {"title": "no id"}
            {"id": "d4", "text": "z", "date": "someday"}
            """;

        var result = StoryCorpus.ReadJsonl(new StringReader(jsonl));

        result.Entries.Select(e => e.Document.Id).ShouldBe(["d1", "7", "d4"]);
        result.Entries[0].Document.Provider.ShouldBe("fox");
        result.Entries[0].Document.Published.ShouldBe(new DateTime(2010, 6, 14, 0, 0, 0, DateTimeKind.Utc));
        result.Entries[0].Cluster.ShouldBe("c1");
        result.Entries[1].Cluster.ShouldBe("3");
        result.Entries[1].Document.Published.ShouldBe(new DateTime(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc));
        result.Entries[2].Document.Published.ShouldBeNull();
        result.Warnings.Count.ShouldBe(3);
        result.Warnings[0].ShouldStartWith("line 2: not JSON");
        result.Warnings[1].ShouldBe("line 4: missing id");
        result.Warnings[2].ShouldStartWith("line 5: id d4: unreadable date");
    }

    [Fact]
    public void A_UCI_style_csv_reads_quoted_fields_and_millisecond_timestamps()
    {
        const string csv = """"
            ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP
            10,"ECB unlikely to end sterilisation, traders say",http://a.example/1,Reuters,b,dPh,a.example,1394470501265
            11,"He said ""no""",http://a.example/2,AP,b,dPh,a.example,1394470501410
            ,missing id,,,,,,
            """";

        var result = StoryCorpus.ReadCsv(new StringReader(csv));

        result.Entries.Count.ShouldBe(2);
        result.Entries[0].Document.Title.ShouldBe("ECB unlikely to end sterilisation, traders say");
        result.Entries[0].Document.Provider.ShouldBe("Reuters");
        result.Entries[0].Cluster.ShouldBe("dPh");
        result.Entries[0].Document.Published.ShouldBe(DateTime.UnixEpoch.AddMilliseconds(1394470501265));
        result.Entries[1].Document.Title.ShouldBe("He said \"no\"");
        result.Warnings.ShouldBe(["line 4: missing id"]);
    }

    [Fact]
    public void Publication_order_sorts_by_date_and_keeps_undated_documents_in_place()
    {
        static StoryCorpusEntry E(string id, int? day, int line)
            => new(new StoryDocument(id, null, "t", day is { } d ? new DateTime(2026, 1, d, 0, 0, 0, DateTimeKind.Utc) : null, null, null), null, line);

        var order = StoryCorpus.PublicationOrder([E("c", 3, 1), E("u", null, 2), E("a", 1, 3), E("b", 2, 4)]);

        order.Select(e => e.Document.Id).ShouldBe(["a", "b", "c", "u"]);
    }
}
