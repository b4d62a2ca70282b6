using Dapper;
using Lede.Normalize;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

/// <summary>The topics, images and related snapshots of some articles, read in one round trip, to put records together.</summary>
internal sealed class Children
{
    private ILookup<long, string> _topics = null!;
    private ILookup<long, Lede.Records.RecordImage> _images = null!;
    private ILookup<long, Lede.Records.RelatedEntry> _related = null!;

    /// <summary>The four queries, for the articles whose id matches <paramref name="filter"/> (e.g. <c>= ANY(@Ids)</c>).</summary>
    public static string Sql(string filter) => $"""
        SELECT t.article_id, p.name FROM article_topic t JOIN topic p ON p.id = t.topic_id
            WHERE t.article_id {filter} ORDER BY t.article_id, t.position;
        SELECT article_id, -1 AS related_position, {ImageRow.Columns} FROM article_image
            WHERE article_id {filter} ORDER BY article_id, position;
        SELECT article_id, related_position, {ImageRow.Columns} FROM related_snapshot_image
            WHERE article_id {filter} ORDER BY article_id, related_position, position;
        {RelatedRow.Select} WHERE article_id {filter} ORDER BY article_id, position;
        """;

    /// <summary>Reads the results of <see cref="Sql"/>, in order.</summary>
    public static async Task<Children> ReadAsync(SqlMapper.GridReader reader)
    {
        var topics = await reader.ReadAsync<(long ArticleId, string Name)>().ConfigureAwait(false);
        var images = await reader.ReadAsync<ImageRow>().ConfigureAwait(false);
        var relatedImages = (await reader.ReadAsync<ImageRow>().ConfigureAwait(false)).ToLookup(i => (i.ArticleId, i.RelatedPosition), i => i.ToImage());
        var related = await reader.ReadAsync<RelatedRow>().ConfigureAwait(false);
        return new Children
        {
            _topics = topics.ToLookup(t => t.ArticleId, t => T.Decode(t.Name)),
            _images = images.ToLookup(i => i.ArticleId, i => i.ToImage()),
            _related = related.ToLookup(r => r.ArticleId, r => r.ToEntry(relatedImages[(r.ArticleId, r.Position)].ToList())),
        };
    }

    /// <summary>The rows as records, each with its children.</summary>
    public List<StoredRecord> Assemble(List<ArticleRow> rows) => rows.ConvertAll(row => new StoredRecord(
        ArticleId.FromInt64(row.Id),
        row.ToRecord() with
        {
            Topics = _topics[row.Id].ToList(),
            Images = _images[row.Id].ToList(),
            Related = _related[row.Id].ToList(),
        },
        row.ToSeal(),
        row.ToAnalysis()));
}
