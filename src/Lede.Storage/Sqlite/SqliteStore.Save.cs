using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, CancellationToken ct)
        => SaveRecordAsync(id, record, seal: null, ct);

    public Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, SealedPayload? seal, CancellationToken ct)
        => SaveArticleAsync(new StoredRecord(id, record, seal), ct);

    public Task<SaveOutcome> SaveArticleAsync(StoredRecord article, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            using var connection = Connect();
            // IMMEDIATE takes the write lock up front, so the read-compare-write below cannot interleave with another writer.
            using var tx = connection.BeginTransaction(deferred: false);
            using var writer = new SqliteArticleWriter(tx);
            var outcome = writer.Save(article);
            writer.Finish();
            tx.Commit();
            _checkpointer.Written(1);
            return Task.FromResult(outcome);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Full)
        {
            throw Filled(e);
        }
    }

    public Task<IReadOnlyList<ArticleConflictException>> SaveArticlesAsync(IReadOnlyList<StoredRecord> articles, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            var conflicts = new List<ArticleConflictException>();
            using var connection = Connect();
            using var tx = connection.BeginTransaction(deferred: false);
            using var writer = new SqliteArticleWriter(tx);
            foreach (var article in articles)
            {
                try
                {
                    writer.Save(article);
                }
                catch (ArticleConflictException e)
                {
                    // Refused before its first write: the others in the batch go on.
                    conflicts.Add(e);
                }
            }

            writer.Finish();
            tx.Commit();
            _checkpointer.Written(articles.Count - conflicts.Count);
            return Task.FromResult<IReadOnlyList<ArticleConflictException>>(conflicts);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Full)
        {
            throw Filled(e);
        }
    }
}
