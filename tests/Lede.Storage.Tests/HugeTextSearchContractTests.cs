using System.Text;
using Lede.Normalize;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary>A title and an excerpt far past PostgreSQL's tsvector limit (1 MB) are stored whole and stay searchable (catalogue S9).</summary>
/// <remarks>
/// The parser caps a title at 1,024 characters, but a record can come from elsewhere (an import, an older crawl); the store must
/// neither refuse it nor lose it. Only what both stores share is asserted: the leading words are found, the text comes back whole.
/// </remarks>
public abstract class HugeTextSearchContractTests : IAsyncLifetime
{
    protected IStore Store { get; private set; } = null!;

    protected abstract Task<IStore> OpenAsync();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    /// <summary>Distinct letter-only words (<paramref name="prefix"/> + the word's number in base 26, "a" to "z"), so that each is a lexeme of its own.</summary>
    private static string Words(string prefix, int count)
    {
        var text = new StringBuilder(count * (prefix.Length + 5));
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(prefix);
            var digits = new StringBuilder();
            var n = i;
            do
            {
                digits.Insert(0, (char)('a' + (n % 26)));
                n /= 26;
            }
            while (n > 0);
            text.Append(digits);
        }

        return text.ToString();
    }

    [Fact]
    public async Task A_title_and_excerpt_past_the_tsvector_limit_are_stored_whole_and_searchable()
    {
        // About 2.5 MB each: as one tsvector (lexemes and positions) far past PostgreSQL's 1 MB.
        var title = Words("zulu", 250_000);
        var excerpt = Words("quebec", 250_000);
        var record = Samples.Minimal with { Title = title, Excerpt = excerpt, WebUrl = "https://example.com/huge", OriginalUrl = "https://example.com/huge" };

        await Store.SaveRecordAsync(new ArticleId(1), record, default);
        await Store.SaveRecordAsync(new ArticleId(2), Samples.Minimal with { Title = "Small", Excerpt = "A small one.", WebUrl = "https://example.com/s", OriginalUrl = "https://example.com/s" }, default);

        var stored = (await Store.FindRecordAsync(new ArticleId(1), default)).ShouldNotBeNull().Record;
        stored.Title.ShouldBe(title);
        stored.Excerpt.ShouldBe(excerpt);
        (await Store.SearchAsync(new SearchQuery("zulua"), default)).Select(h => h.Id).ShouldBe([new ArticleId(1)]);
        (await Store.SearchAsync(new SearchQuery("quebecb"), default)).Select(h => h.Id).ShouldBe([new ArticleId(1)]);
        (await Store.SearchAsync(new SearchQuery("small"), default)).Select(h => h.Id).ShouldBe([new ArticleId(2)]);
    }
}
