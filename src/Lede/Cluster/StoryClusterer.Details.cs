namespace Lede.Cluster;

public sealed partial class StoryClusterer
{
    // The document's key details for this Add: its strongest distinctive entities, strongest first.
    private int[] _docDetails = [];
    private int _docDetailCount;

    // The strongest distinctive entities of the document (weight × IDF), kept for every candidate's comparison.
    private void FindDocumentDetails(DocumentVectors doc)
    {
        var k = Math.Max(0, _options.DetailEntities);
        if (_docDetails.Length < k)
        {
            _docDetails = new int[k];
        }

        _docDetailCount = 0;
        // A headline names a detail or two: what it leaves out of a story's is no evidence of a different event.
        if (doc.Keys(StoryField.All).Length < _options.DetailMinTerms)
        {
            return;
        }

        var keys = doc.Keys(StoryField.Entities);
        var weights = doc.Weights(StoryField.Entities);
        var idf = doc.Idf(StoryField.Entities);
        var floor = _options.DistinctiveIdfShare * _featurizer.Terms.MaxIdf;
        Span<double> kept = stackalloc double[k];
        for (var i = 0; i < keys.Length; i++)
        {
            if (idf[i] >= floor)
            {
                Keep(_docDetails, kept, ref _docDetailCount, keys[i], weights[i] * idf[i]);
            }
        }
    }

    // The story's strongest distinctive entities, recomputed as it grows.
    private void FindStoryDetails(StoryState story)
    {
        var k = Math.Max(0, _options.DetailEntities);
        var terms = _featurizer.Terms;
        var floor = _options.DistinctiveIdfShare * terms.MaxIdf;
        var details = story.Details.Length == k ? story.Details : new int[k];
        var count = 0;
        Span<double> kept = stackalloc double[k];
        foreach (var (key, weight) in story[StoryField.Entities])
        {
            var idf = terms.Idf(key);
            if (idf >= floor)
            {
                Keep(details, kept, ref count, key, weight * idf);
            }
        }

        story.Details = details;
        story.DetailCount = count;
    }

    // Inserts the key among the heaviest kept so far (strictly heavier goes first: ties keep the order met).
    private static void Keep(int[] keys, Span<double> weights, ref int count, int key, double weight)
    {
        if (weights.Length == 0 || (count == weights.Length && weight <= weights[count - 1]))
        {
            return;
        }

        var at = count == weights.Length ? count - 1 : count++;
        while (at > 0 && weight > weights[at - 1])
        {
            keys[at] = keys[at - 1];
            weights[at] = weights[at - 1];
            at--;
        }

        keys[at] = key;
        weights[at] = weight;
    }

    // Agree: the document's strongest detail is among the story's strongest. Conflict: neither side's strongest detail appears
    // anywhere in the other, or the story is young (one article) and its strongest detail is not in the document: a story of one
    // article is just a document, and a second report of the same event names what the first leads with, while a report of the
    // next event of the same kind (the next patch, the next game) shares the topic's names but not that one.
    private DetailMatch MatchDetails(DocumentVectors doc, StoryState story)
    {
        if (_docDetailCount == 0 || story.DetailCount == 0)
        {
            return DetailMatch.Neutral;
        }

        var top = _docDetails[0];
        var storyLeadHere = doc[StoryField.Entities].ContainsKey(story.Details[0]);
        if (!storyLeadHere && story.Members.Count <= _options.YoungStoryArticles)
        {
            return DetailMatch.Conflict;
        }

        if (Array.IndexOf(story.Details, top, 0, story.DetailCount) >= 0)
        {
            return DetailMatch.Agree;
        }

        return story[StoryField.Entities].ContainsKey(top) || storyLeadHere
            ? DetailMatch.Neutral
            : DetailMatch.Conflict;
    }
}
