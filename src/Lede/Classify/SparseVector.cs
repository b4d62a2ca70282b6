namespace Lede.Classify;

/// <summary>A feature vector as parallel arrays of ascending feature indices and their values.</summary>
internal readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public double Dot(float[] weights)
    {
        var sum = 0.0;
        for (var i = 0; i < Indices.Length; i++)
        {
            sum += weights[Indices[i]] * Values[i];
        }

        return sum;
    }
}
