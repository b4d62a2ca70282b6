namespace Lede.Classify;

/// <summary>Splits documents into k folds, stratified by their first label, the same way for the same seed.</summary>
internal static class Folds
{
    public static int[] Assign(IReadOnlyList<TopicDocument> documents, int k, int seed)
    {
        var order = Enumerable.Range(0, documents.Count).ToArray();
        new Random(seed).Shuffle(order);
        var stratified = order.OrderBy(i => documents[i].Labels.Count > 0 ? documents[i].Labels[0] : "", StringComparer.Ordinal).ToArray();
        var fold = new int[documents.Count];
        for (var p = 0; p < stratified.Length; p++)
        {
            fold[stratified[p]] = p % k;
        }

        return fold;
    }
}
