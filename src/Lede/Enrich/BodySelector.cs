namespace Lede.Enrich;

/// <summary>Finds the article body by the names sites give it (itemprop=articleBody, article-body, entry-content…), then &lt;article&gt;, then &lt;main&gt;.</summary>
internal static class BodySelector
{
    public static List<ContentNode> Find(ContentNode root)
    {
        var named = new List<ContentNode>();
        var articles = new List<ContentNode>();
        var mains = new List<ContentNode>();
        var stack = new Stack<ContentNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.IsText || n.Removed) continue;
            if (n.Chars >= 100)
            {
                if (string.Equals(n.Element?.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)
                    || (n.ClassAndId.Length > 0 && ContentHints.BodyContainer().IsMatch(n.ClassAndId)))
                {
                    named.Add(n);
                }
                else if (n.Tag == "article") articles.Add(n);
                else if (n.Tag == "main" || string.Equals(n.Element?.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)) mains.Add(n);
            }

            for (var i = n.Children.Count - 1; i >= 0; i--) stack.Push(n.Children[i]);
        }

        foreach (var group in (List<ContentNode>[])[named, articles, mains])
        {
            var best = Best(group);
            if (best is not null) return Split(best, group);
        }

        return [];
    }

    private static double Weight(ContentNode n) => n.Chars * (1 - n.LinkDensity);

    /// <summary>The heaviest match, then the innermost match inside it that keeps 85% of its weight (wrappers carry extras).</summary>
    private static ContentNode? Best(List<ContentNode> group)
    {
        if (group.Count == 0) return null;
        var best = group.MaxBy(Weight)!;
        if (Weight(best) < 200) return null;
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var inner in group)
            {
                if (!ReferenceEquals(inner, best) && best.Contains(inner) && Weight(inner) >= 0.85 * Weight(best))
                {
                    best = inner;
                    changed = true;
                }
            }
        }

        return best;
    }

    /// <summary>A body cut in parts by ads or widgets: the same-named siblings of the best match that hold paragraphs too.</summary>
    private static List<ContentNode> Split(ContentNode best, List<ContentNode> group)
    {
        var parts = group.Where(g => ReferenceEquals(g, best) || (g.ClassAndId == best.ClassAndId && g.Tag == best.Tag && ReferenceEquals(g.Parent, best.Parent) && g.Paragraphs > 0)).ToList();
        return parts.Count > 0 ? parts : [best];
    }
}
