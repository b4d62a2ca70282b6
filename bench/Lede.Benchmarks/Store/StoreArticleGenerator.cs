using System.Globalization;
using System.Text;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;

namespace Lede.Benchmarks.Store;

/// <summary>
/// Realistic articles for the store benchmarks, the same for a given seed and index whatever the batch size: a title and
/// a ~300-character excerpt in a Zipf vocabulary with the story's topical words, images, topics, the other articles of
/// its story as related coverage, a sealed ~3 KB payload and the story stages' analysis.
/// </summary>
internal sealed class StoreArticleGenerator(int seed, string nonce)
{
    /// <value>Default: 4 articles per story (related coverage of 3 each).</value>
    public const int StorySize = 4;

    private static readonly string[] TopicNames = ["AI", "Computer Vision", "Privacy", "Policy", "Business", "Science", "Health", "Climate"];
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly ZipfVocabulary _vocabulary = new(50_000, 1.07, seed);
    private readonly SecuredBox _box = new(new KeyRing([SecuredKey.New(out _)]));

    public ZipfVocabulary Vocabulary => _vocabulary;

    /// <summary>When the article of index <paramref name="index"/> was published: one every 30 seconds.</summary>
    public static DateTime PublishedAt(long index) => Start.AddSeconds(index * 30);

    /// <summary>Articles <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public List<StoredRecord> Batch(long first, int count)
    {
        var batch = new List<StoredRecord>(count);
        for (var i = first; i < first + count; i++)
        {
            batch.Add(Article(i));
        }

        return batch;
    }

    /// <summary>The article of index <paramref name="index"/>.</summary>
    public StoredRecord Article(long index)
    {
        var story = index / StorySize;
        var record = Record(index, withRelated: true);
        var payload = new SecuredPayload(Text(new Random(Seed(seed, index, 3)), 2_200, story), ["A. Reporter"], record.Excerpt);
        var opened = index % StorySize == 0 ? "true" : "false";
        var explain = "{\"topics\":[{\"topic\":\"" + record.Topics[0] + "\",\"score\":0.81}],\"story\":{\"id\":"
            + (story + 1).ToString(CultureInfo.InvariantCulture) + ",\"opened\":" + opened
            + ",\"score\":0.42,\"why\":\"shared terms with the story's centroid\"},\"quality\":{\"value\":"
            + record.Quality.ToString(CultureInfo.InvariantCulture)
            + ",\"points\":[\"+20 source-prior: known provider\",\"+10 lead-image: 1200x630\",\"+5 author: named\"]},\"heat\":{\"value\":"
            + record.Heat.ToString(CultureInfo.InvariantCulture)
            + ",\"parts\":[\"providers: 3 distinct in 6 h\",\"velocity: 0.5 per hour\"]},\"publish\":{\"published\":false,\"by\":\"rules\",\"why\":[\"quality below 50\"]}}";
        var seal = _box.Seal(ArticleId.FromUrl(record.WebUrl), payload);
        var analysis = new ArticleAnalysis(story + 1, null, explain) { StoryHeatWhy = "providers: 3 distinct in 6 h\nvelocity: 0.5 per hour" };
        return new StoredRecord(ArticleId.FromUrl(record.WebUrl), record with { Secured = seal.Value }, seal, analysis);
    }

    /// <summary>The words of a story's theme: a few topical words every article of the story shares.</summary>
    public IReadOnlyList<string> Theme(long story)
    {
        var random = new Random(Seed(seed, story, 1));
        return Enumerable.Range(0, 3).Select(_ => ZipfVocabulary.Topical[random.Next(ZipfVocabulary.Topical.Length)]).ToArray();
    }

    /// <summary>A seed for one article's Random that is the same in every process (HashCode.Combine is randomized per process).</summary>
    private static int Seed(int seed, long index, int salt)
    {
        // SplitMix64 finalizer over the three inputs.
        var z = ((ulong)(uint)seed << 32 ^ (ulong)index) + ((ulong)salt * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    private string Text(Random random, int length, long story) => _vocabulary.Text(random, length, Theme(story), 0.08);

    private ArticleRecord Record(long index, bool withRelated)
    {
        var random = new Random(Seed(seed, index, 2));
        var story = index / StorySize;
        var provider = random.Next(200);
        var domain = $"news{provider}.example";
        var published = PublishedAt(index);
        var title = Capitalize(_vocabulary.Text(random, random.Next(50, 90), Theme(story), 0.25));
        var slug = string.Join('-', title.Split(' ').Take(6)).ToLowerInvariant();
        var webUrl = string.Create(CultureInfo.InvariantCulture, $"https://{domain}/{published:yyyy/MM}/{slug}-{index}{nonce}/");
        var topics = TopicNames.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
        var images = Enumerable.Range(0, 1 + random.Next(2))
            .Select(n => new RecordImage($"https://cdn.{domain}/img/{index}-{n}.jpg", 1200, 630, n == 0)).ToList();
        var related = withRelated
            ? Enumerable.Range(0, StorySize).Select(n => (story * StorySize) + n).Where(other => other != index)
                .Select(other => Related(Record(other, withRelated: false))).ToList()
            : [];
        return new ArticleRecord
        {
            Title = title,
            Excerpt = Capitalize(Text(random, 300, story)) + ".",
            PublishedDateTime = published,
            OriginalUrl = random.Next(2) == 0 ? webUrl + "?utm_source=rss" : webUrl,
            WebUrl = webUrl,
            AmpWebUrl = random.Next(3) == 0 ? webUrl + "amp/" : null,
            Quality = random.Next(101),
            Heat = random.Next(-1, 100),
            Published = random.Next(4) == 0,
            Provider = new ProviderRef($"News {provider}", domain),
            Topics = topics,
            Images = images,
            Related = related,
        };
    }

    private static RelatedEntry Related(ArticleRecord other) => new()
    {
        Title = other.Title,
        Excerpt = other.Excerpt,
        PublishedDateTime = other.PublishedDateTime,
        WebUrl = other.WebUrl,
        AmpWebUrl = other.AmpWebUrl,
        Provider = other.Provider,
        Quality = other.Quality,
        Images = other.Images.Take(1).ToList(),
    };

    private static string Capitalize(string text)
        => text.Length == 0 ? text : new StringBuilder(text) { [0] = char.ToUpperInvariant(text[0]) }.ToString();
}
