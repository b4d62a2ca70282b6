using Lede.Normalize;

namespace Lede.EndToEnd.Tests.Crash;

/// <summary>What a database held after an interrupted (or finished) ingest, and what was wrong with it.</summary>
/// <param name="Ids">Every stored article.</param>
/// <param name="Lost">Articles seen stored after an earlier interruption that are gone now.</param>
/// <param name="Duplicates">Articles beyond the first for one item (one canonical URL).</param>
/// <param name="Problems">Everything else found wrong: the database's own check, orphans, related links, payloads.</param>
public sealed record IngestState(IReadOnlySet<ArticleId> Ids, int Lost, int Duplicates, IReadOnlyList<string> Problems);
