using Lede.Records;

namespace Lede.Decide;

/// <summary>Decides <c>published</c>: the newest editor decision when there is one, else the desk's rules.</summary>
public sealed class PublishDecider(PublishRules rules)
{
    /// <summary>The verdict on <paramref name="record"/>, given its editor decisions (oldest first).</summary>
    public PublishVerdict Decide(ArticleRecord record, IReadOnlyList<EditorDecision> decisions)
    {
        if (decisions.Count > 0)
        {
            var last = decisions[^1];
            return new PublishVerdict(last.Published, last.Editor, [$"editor: {last}"]);
        }

        return rules.Judge(record);
    }
}
