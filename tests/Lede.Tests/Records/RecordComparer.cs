using Lede.Records;

namespace Lede.Tests.Records;

/// <summary>Field-by-field equality of records, lists included (records compare lists by reference).</summary>
public static class RecordComparer
{
    public static void AssertSame(ArticleRecord actual, ArticleRecord expected)
    {
        Flat(actual).ShouldBe(Flat(expected));
        actual.Topics.ShouldBe(expected.Topics);
        actual.Images.ShouldBe(expected.Images);
        actual.Related.Count.ShouldBe(expected.Related.Count);
        for (var i = 0; i < actual.Related.Count; i++)
        {
            (actual.Related[i] with { Images = None<RecordImage>.List }).ShouldBe(expected.Related[i] with { Images = None<RecordImage>.List });
            actual.Related[i].Images.ShouldBe(expected.Related[i].Images);
        }
    }

    private static ArticleRecord Flat(ArticleRecord record)
        => record with { Topics = None<string>.List, Images = None<RecordImage>.List, Related = None<RelatedEntry>.List };

    private static class None<T>
    {
        public static readonly IReadOnlyList<T> List = [];
    }
}
