using FsCheck;
using FsCheck.Fluent;
using Lede.Decide;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Lede.Tests.Records;
using Lede.Tests.Support;

namespace Lede.Storage.Tests;

/// <summary>What every store must do; each implementation runs this suite against a real database.</summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    protected IStore Store { get; private set; } = null!;

    protected abstract Task<IStore> OpenAsync();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    private static ArticleRecord Article(int n, DateTime? published = null) => Samples.Minimal with
    {
        Title = $"Article {n}",
        WebUrl = $"https://example.com/{n}",
        PublishedDateTime = published ?? new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n),
    };

    [Fact]
    public async Task Every_sample_record_comes_back_byte_for_byte()
    {
        foreach (var path in Repo.SampleRecords())
        {
            RecordFileName.TryParseId(path, out var id).ShouldBeTrue();
            var record = RecordReader.Read(File.ReadAllBytes(path), path).Record!;

            (await Store.SaveRecordAsync(id, record, default)).ShouldBe(SaveOutcome.Inserted);

            var stored = await Store.FindRecordAsync(id, default);
            RecordWriter.WriteBytes(stored!.Record).ShouldBe(File.ReadAllBytes(path));
        }
    }

    [Fact]
    public async Task Generated_records_come_back_unchanged()
    {
        var n = 0;
        var failures = new List<string>();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(RecordGenerators.Record.ToArbitrary(), record =>
        {
            var unique = record with { WebUrl = $"{record.WebUrl}#{n++}" };
            var id = ArticleId.FromUrl(unique.WebUrl);
            Store.SaveRecordAsync(id, unique, default).GetAwaiter().GetResult();
            var stored = Store.FindRecordAsync(id, default).GetAwaiter().GetResult()!;
            RecordComparer.AssertSame(stored.Record, unique);
        }));
        (await Store.CountArticlesAsync(default)).ShouldBe(n);
    }

    [Theory]
    [InlineData("nul\0byte")]
    [InlineData("😀 emoji 👩‍👩‍👧 مرحبا")]
    [InlineData("c1\u0085\u0099 ls\u2028 bom\ufeff")]
    [InlineData("cr\rlf\r\n")]
    [InlineData("A long text, past the 512 bytes Microsoft.Data.Sqlite binds with a length, then a NUL: "
        + "......................................................................................................................"
        + "......................................................................................................................"
        + "......................................................................................................................"
        + "......................................................................................................................\0 and the rest")]
    public async Task Text_with_awkward_characters_is_kept_exactly(string text)
    {
        var record = Samples.Minimal with { Title = text, Excerpt = text, AmpWebUrl = text, CdnAmpWebUrl = text, Provider = new ProviderRef(text, text), Topics = [text] };

        await Store.SaveRecordAsync(new ArticleId(5), record, default);

        RecordComparer.AssertSame((await Store.FindRecordAsync(new ArticleId(5), default))!.Record, record);
    }

    [Fact]
    public async Task Has_article_says_whether_an_id_is_stored()
    {
        await Store.SaveRecordAsync(new ArticleId(9), Article(9), default);

        (await Store.HasArticleAsync(new ArticleId(9), default)).ShouldBeTrue();
        (await Store.HasArticleAsync(new ArticleId(10), default)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_article_is_found_by_every_url_it_was_saved_under()
    {
        var id = new ArticleId(7);
        var record = Article(7) with
        {
            OriginalUrl = "https://example.com/7?utm_source=feed",
            AmpWebUrl = "https://example.com/7/amp",
        };
        await Store.SaveRecordAsync(id, record, default);
        await Store.SaveRecordAsync(id, record with { WebUrl = "https://example.com/seven" }, default);

        (await Store.FindArticleByUrlAsync("https://example.com/7?utm_source=feed", default)).ShouldBe(id);
        (await Store.FindArticleByUrlAsync("https://example.com/7/amp", default)).ShouldBe(id);
        (await Store.FindArticleByUrlAsync("https://example.com/7", default)).ShouldBe(id, "a URL the article had before keeps naming it");
        (await Store.FindArticleByUrlAsync("https://example.com/seven", default)).ShouldBe(id);
        (await Store.FindArticleByUrlAsync("https://example.com/8", default)).ShouldBeNull();

        await Store.AddArticleUrlAsync(id, "https://example.com/8", default);
        await Store.AddArticleUrlAsync(new ArticleId(99), "https://example.com/9", default);
        (await Store.FindArticleByUrlAsync("https://example.com/8", default)).ShouldBe(id);
        (await Store.FindArticleByUrlAsync("https://example.com/9", default)).ShouldBeNull("an article not held takes no URL");
    }

    [Fact]
    public async Task A_sealed_payload_keeps_its_key_id_and_mac_and_an_imported_one_has_none()
    {
        var value = new SecuredValue(Convert.ToBase64String(new byte[32]), Convert.ToBase64String(new byte[16]));
        var seal = new SealedPayload(value, "0123456789ab", Convert.ToBase64String(new byte[32]));
        var record = Article(11) with { Secured = value };

        (await Store.SaveRecordAsync(new ArticleId(11), record, seal, default)).ShouldBe(SaveOutcome.Inserted);
        (await Store.FindRecordAsync(new ArticleId(11), default))!.Seal.ShouldBe(seal);
        (await Store.SaveRecordAsync(new ArticleId(11), record, seal, default)).ShouldBe(SaveOutcome.Unchanged);

        (await Store.SaveRecordAsync(new ArticleId(11), record, default)).ShouldBe(SaveOutcome.Updated);
        (await Store.FindRecordAsync(new ArticleId(11), default))!.Seal.ShouldBeNull();
        await Should.ThrowAsync<ArgumentException>(() => Store.SaveRecordAsync(new ArticleId(11), Article(11), seal, default));
    }

    [Fact]
    public async Task Saving_the_same_record_twice_changes_nothing()
    {
        var id = new ArticleId(42);
        await Store.SaveRecordAsync(id, Article(1), default);

        (await Store.SaveRecordAsync(id, Article(1), default)).ShouldBe(SaveOutcome.Unchanged);
        (await Store.CountArticlesAsync(default)).ShouldBe(1);
    }

    [Fact]
    public async Task A_changed_record_is_updated_in_place_and_keeps_its_import_position()
    {
        await Store.SaveRecordAsync(new ArticleId(1), Article(1), default);
        await Store.SaveRecordAsync(new ArticleId(2), Article(2), default);

        var changed = Article(1) with { Quality = 90, Topics = ["AI"], Images = [new RecordImage("https://example.com/i.jpg", 10, 20, false)] };
        (await Store.SaveRecordAsync(new ArticleId(1), changed, default)).ShouldBe(SaveOutcome.Updated);

        var all = await Store.ReadRecordsAsync(RecordOrder.Imported, default).ToListAsync();
        all.Select(r => r.Id.Value).ShouldBe([1UL, 2UL]);
        RecordComparer.AssertSame(all[0].Record, changed);
    }

    [Fact]
    public async Task A_second_article_cannot_take_a_held_webUrl()
    {
        await Store.SaveRecordAsync(new ArticleId(1), Article(1), default);

        var e = await Should.ThrowAsync<ArticleConflictException>(() => Store.SaveRecordAsync(new ArticleId(2), Article(1), default));

        e.Message.ShouldBe("webUrl https://example.com/1 is already held by article 0000000000000001, not 0000000000000002");
        (await Store.CountArticlesAsync(default)).ShouldBe(1);
    }

    [Fact]
    public async Task Records_read_in_import_or_publication_order_across_many_pages()
    {
        // More than one read page, with publication times that tie and run against the import order.
        const int count = 1234;
        for (var n = 0; n < count; n++)
        {
            var published = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-(n / 3));
            await Store.SaveRecordAsync(new ArticleId((ulong)(n + 1)), Article(n, published), default);
        }

        var imported = await Store.ReadRecordsAsync(RecordOrder.Imported, default).Select(r => r.Id.Value).ToListAsync();
        var byTime = await Store.ReadRecordsAsync(RecordOrder.Published, default).ToListAsync();
        var newest = await Store.ReadRecordsAsync(RecordOrder.Newest, default).Select(r => r.Id.Value).ToListAsync();

        imported.ShouldBe(Enumerable.Range(1, count).Select(n => (ulong)n));
        byTime.Count.ShouldBe(count);
        byTime.Select(r => (r.Record.PublishedDateTime, r.Id.Value)).ShouldBe(
            byTime.Select(r => (r.Record.PublishedDateTime, r.Id.Value)).OrderBy(t => t.PublishedDateTime).ThenBy(t => t.Value));
        newest.ShouldBe(byTime.Select(r => r.Id.Value).Reverse());
    }

    [Fact]
    public async Task A_snapshot_reads_the_store_as_it_was_while_writers_go_on()
    {
        // Three read pages, and writes between them that land on the later pages: the snapshot sees none of them.
        const int count = 1100;
        await Store.SaveArticlesAsync([.. Enumerable.Range(0, count).Select(n => new StoredRecord(new ArticleId((ulong)(n + 1)), Article(n) with { Published = true }))], default);
        var before = await Store.ReadRecordsAsync(RecordOrder.Published, default).Select(Text).ToListAsync();
        var read = new List<string>();

        await using (var snapshot = await Store.OpenSnapshotAsync(default))
        {
            await foreach (var stored in snapshot.ReadRecordsAsync(RecordOrder.Published, default))
            {
                if (read.Count == 1)
                {
                    // Each write commits while the snapshot is open: a writer held up by it would time out here.
                    (await Store.SaveDecisionAsync(new ArticleId(1000), new EditorDecision(EditorAction.Unpublish, "editor", DateTime.UtcNow, "pulled"), default))
                        .ShouldBeTrue();
                    await Store.SaveRecordAsync(new ArticleId(700), Article(699) with { Title = "Changed while reading", Published = true }, default);
                    await Store.SaveRecordAsync(new ArticleId(5000), Article(4999), default);
                }

                read.Add(Text(stored));
            }

            snapshot.ArticleCount.ShouldBe(count);
        }

        read.ShouldBe(before);
        (await Store.FindRecordAsync(new ArticleId(1000), default))!.Record.Published.ShouldBeFalse();
        (await Store.FindRecordAsync(new ArticleId(700), default))!.Record.Title.ShouldBe("Changed while reading");
        (await Store.CountArticlesAsync(default)).ShouldBe(count + 1);
    }

    private static string Text(StoredRecord stored) => $"{stored.Id}\n{System.Text.Encoding.UTF8.GetString(RecordWriter.WriteBytes(stored.Record))}";
}
