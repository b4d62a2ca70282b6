using Dapper;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    // A payload Lede sealed carries its key id and MAC; one imported without them is marked unverified and kept as is.
    private static IEnumerable<StoreProblem> CheckSecured(SqliteConnection connection, SqliteTransaction tx, KeyRing? keys, CancellationToken ct)
    {
        var box = keys is null ? null : new SecuredBox(keys);
        var rows = connection.Query<(long Id, string Ciphertext, string Iv, string? KeyId, string? Mac, bool Verified)>("""
            SELECT id, secured_ciphertext, secured_iv, secured_key_id, secured_mac, secured_verified FROM article
            WHERE secured_ciphertext IS NOT NULL AND (secured_verified = 1 OR secured_key_id IS NOT NULL OR secured_mac IS NOT NULL)
            """, transaction: tx, buffered: false);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            if (row.KeyId is null || row.Mac is null)
            {
                yield return new StoreProblem("secured", Article(row.Id), row.Verified
                    ? $"its sealed payload has no {(row.KeyId is null ? "key id" : "MAC")}, and it is not marked unverified"
                    : $"its payload has a {(row.KeyId is null ? "MAC" : "key id")} but no {(row.KeyId is null ? "key id" : "MAC")}");
                continue;
            }

            var seal = new SealedPayload(new SecuredValue(row.Ciphertext, row.Iv), row.KeyId, row.Mac);
            var failure = box is null ? null : Verify(box, ArticleId.FromInt64(row.Id), seal);
            if (failure is not null)
            {
                yield return new StoreProblem("secured", Article(row.Id), failure);
            }
            else if (!seal.IsBound)
            {
                yield return StoreProblem.SealedBeforeIdBinding(Article(row.Id));
            }
        }
    }

    private static string? Verify(SecuredBox box, ArticleId id, SealedPayload payload)
    {
        try
        {
            box.Verify(id, payload);
            return null;
        }
        catch (SecuredPayloadException e)
        {
            return e.Message;
        }
    }
}
