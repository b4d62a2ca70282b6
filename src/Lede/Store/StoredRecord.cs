using Lede.Normalize;
using Lede.Records;

namespace Lede.Store;

/// <summary>A stored article as a record, with its id.</summary>
public sealed record StoredRecord(ArticleId Id, ArticleRecord Record);
