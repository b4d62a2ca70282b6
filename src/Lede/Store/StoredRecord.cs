using Lede.Normalize;
using Lede.Records;

namespace Lede.Store;

/// <summary>A stored article as a record, with its id and, when Lede sealed its payload, the key id and MAC to open it.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Record">The record.</param>
/// <param name="Seal">The secured payload's key id and MAC; null when imported without them, or when there is none.</param>
/// <param name="Analysis">The story stages' conclusions; null when saving leaves what is stored as it is.</param>
public sealed record StoredRecord(ArticleId Id, ArticleRecord Record, SealedPayload? Seal = null, ArticleAnalysis? Analysis = null);
