using Lede.Decide;
using Lede.Normalize;
using Lede.Records;
using Lede.Storage.Sqlite;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Tests.Records;

/// <summary>An export is one snapshot: what editors and crawls change while it runs is not in it (reliability C4).</summary>
public sealed class RecordExporterTests : IAsyncLifetime
{
    // More than one read page (500 articles), so that changes land on pages not yet read.
    private const int Count = 600;

    private readonly string _folder = Directory.CreateTempSubdirectory("lede-export-").FullName;
    private SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteStore.Open(Path.Combine(_folder, "lede.db"));
        await _store.SaveArticlesAsync([.. Enumerable.Range(0, Count).Select(n => new StoredRecord(Id(n), Article(n)))], default);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static ArticleId Id(int n) => new((ulong)(n + 1));

    private static ArticleRecord Article(int n) => Samples.Minimal with
    {
        Title = $"Article {n}",
        WebUrl = $"https://example.com/{n}",
        PublishedDateTime = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n),
        Published = true,
    };

    [Fact]
    public async Task Unpublishing_changing_and_adding_during_an_export_leave_it_as_the_store_was_at_its_start()
    {
        var exporter = new RecordExporter(_store);
        var quiet = Path.Combine(_folder, "quiet");
        var busy = Path.Combine(_folder, "busy");
        (await exporter.ExportAsync(quiet, ExportLayout.Numbered, RecordOrder.Published, default)).Written.ShouldBe(Count);

        var changes = 0;
        var written = await exporter.ExportAsync(busy, ExportLayout.Numbered, RecordOrder.Published, async _ =>
        {
            if (changes++ == 0)
            {
                // After the first file: an editor unpublishes, a refresh changes a title, a crawl adds an article.
                await _store.SaveDecisionAsync(Id(550), new EditorDecision(EditorAction.Unpublish, "editor", DateTime.UtcNow, "pulled"), default);
                await _store.SaveRecordAsync(Id(520), Article(520) with { Title = "Changed during the export" }, default);
                await _store.SaveRecordAsync(Id(Count + 1), Article(Count + 1), default);
            }
        }, default);

        written.Written.ShouldBe(Count);
        Files(busy).ShouldBe(Files(quiet));
        var after = Path.Combine(_folder, "after");
        (await exporter.ExportAsync(after, ExportLayout.Numbered, RecordOrder.Published, default)).Written.ShouldBe(Count + 1);
        Files(after).ShouldContain(file => file.Text.Contains("Changed during the export", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_copy_of_another_article_is_left_out_and_counted()
    {
        var copy = new StoredRecord(Id(Count + 5), Article(Count + 5), Analysis: new ArticleAnalysis(null, Id(3), null));
        await _store.SaveArticlesAsync([copy], default);
        var folder = Path.Combine(_folder, "with-copy");

        var count = await new RecordExporter(_store).ExportAsync(folder, ExportLayout.Numbered, RecordOrder.Published, default);

        count.ShouldBe(new ExportCount(Count, 1));
        Files(folder).ShouldNotContain(file => file.Name.Contains(Id(Count + 5).ToString(), StringComparison.Ordinal));
        count.Describe("out").ShouldBe($"exported {Count} records to out (1 copy of other articles left out: the archive shows each story once)");
    }

    private static List<(string Name, string Text)> Files(string folder)
        => [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllText(path)))];
}
