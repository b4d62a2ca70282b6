namespace Lede.Cluster;

/// <summary>A document's sub-vectors (sublinear term frequencies by term id) and publication time.</summary>
/// <remarks>
/// For scoring, each field is also laid out flat (<see cref="Keys"/>, <see cref="Weights"/>, <see cref="Idf"/>), in the
/// same order as the table enumerates: a dot product then walks arrays and probes only the story's table.
/// </remarks>
internal sealed class DocumentVectors(string id, DateTime? published, TermWeights[] fields)
{
    public const int FieldCount = 4;

    private readonly int[][] _keys = new int[FieldCount][];
    private readonly float[][] _weights = new float[FieldCount][];
    private readonly double[][] _idf = new double[FieldCount][];

    public string Id { get; } = id;

    public DateTime? Published { get; } = published;

    public TermWeights this[StoryField field] => fields[(int)field];

    public bool IsEmpty => fields[(int)StoryField.All].Count == 0 && fields[(int)StoryField.Entities].Count == 0;

    public ReadOnlySpan<int> Keys(StoryField field) => _keys[(int)field];

    public ReadOnlySpan<float> Weights(StoryField field) => _weights[(int)field];

    public ReadOnlySpan<double> Idf(StoryField field) => _idf[(int)field];

    /// <summary>Lays the fields out flat with each key's IDF now; the IDF stays valid until a story is opened or joined.</summary>
    public void Flatten(TermStatistics terms)
    {
        for (var f = 0; f < FieldCount; f++)
        {
            var field = fields[f];
            var keys = _keys[f] = new int[field.Count];
            var weights = _weights[f] = new float[field.Count];
            var idf = _idf[f] = new double[field.Count];
            var i = 0;
            foreach (var (key, weight) in field)
            {
                keys[i] = key;
                weights[i] = weight;
                idf[i] = terms.Idf(key);
                i++;
            }
        }
    }
}
