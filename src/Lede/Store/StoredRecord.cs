using Lede.Normalize;
using Lede.Records;

namespace Lede.Store;

/// <summary>A stored article as a record, with its id and, when Lede sealed its payload, the key id and MAC to open it.</summary>
public sealed record StoredRecord(ArticleId Id, ArticleRecord Record, SealedPayload? Seal = null);
