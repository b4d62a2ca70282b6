namespace Lede.Cluster;

/// <summary>A document's sub-vectors (sublinear term frequencies by term id) and publication time.</summary>
internal sealed class DocumentVectors(string id, DateTime? published, TermWeights[] fields)
{
    public const int FieldCount = 4;

    public string Id { get; } = id;

    public DateTime? Published { get; } = published;

    public TermWeights this[StoryField field] => fields[(int)field];

    public bool IsEmpty => fields[(int)StoryField.All].Count == 0 && fields[(int)StoryField.Entities].Count == 0;
}
