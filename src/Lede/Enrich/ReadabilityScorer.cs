namespace Lede.Enrich;

/// <summary>Readability's candidate search on the light tree: paragraph scores flow to ancestors, best node plus siblings.</summary>
/// <remarks>Constants are Readability.js's (algorithms.md 5.1), so the behaviour is comparable with the reference.</remarks>
internal static class ReadabilityScorer
{
    private static readonly HashSet<string> ScoredTags = new(StringComparer.Ordinal) { "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre" };

    public static List<ContentNode> FindContent(ContentNode root, Deadline deadline)
    {
        var candidates = new List<ContentNode>();
        var stack = new Stack<ContentNode>();
        stack.Push(root);
        var steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0 && deadline.Passed) break;
            var n = stack.Pop();
            if (n.Removed || n.IsText) continue;
            var paragraph = ScoredTags.Contains(n.Tag) || (n.Tag == "div" && !HasBlockChild(n));
            if (paragraph)
            {
                AddScore(n, n.Chars, n.Commas, candidates);
                // A td or section may hold further paragraphs; a p or a block-less div holds none worth scoring twice.
                if (n.Tag is "p" or "pre" or "div" || n.Tag.StartsWith('h')) continue;
            }
            else if (n.Tag == "div")
            {
                ScoreInlineRuns(n, candidates);
            }

            for (var i = n.Children.Count - 1; i >= 0; i--) stack.Push(n.Children[i]);
        }

        if (candidates.Count == 0) return [root];
        foreach (var c in candidates) c.Score *= 1 - c.LinkDensity;
        var top5 = candidates.OrderByDescending(c => c.Score).Take(5).ToList();
        var top = top5[0];
        top = CommonAncestor(top, top5);
        top = Climb(top, root);
        while (top.Parent is not null && !ReferenceEquals(top.Parent, root) && ElementChildren(top.Parent).Count() == 1 && top.Parent.Chars == top.Chars)
        {
            top = top.Parent;
            if (double.IsNaN(top.Score)) Initialize(top);
        }

        return WithSiblings(top);
    }

    private static void ScoreInlineRuns(ContentNode div, List<ContentNode> candidates)
    {
        int chars = 0, commas = 0;
        foreach (var c in div.Children)
        {
            if (c.Removed) continue;
            if (c.IsText || !ContentTree.Blocks.Contains(c.Tag))
            {
                chars += c.Chars;
                commas += c.Commas;
                continue;
            }

            if (chars >= 25) AddScoreAbove(div, chars, commas, candidates);
            chars = commas = 0;
        }

        if (chars >= 25 && chars < div.Chars) AddScoreAbove(div, chars, commas, candidates);
    }

    private static void AddScore(ContentNode p, int chars, int commas, List<ContentNode> candidates)
    {
        if (chars < 25 || p.Parent is null) return;
        AddScoreFrom(p.Parent, chars, commas, candidates);
    }

    // An inline run is a paragraph whose parent is the div itself.
    private static void AddScoreAbove(ContentNode div, int chars, int commas, List<ContentNode> candidates) => AddScoreFrom(div, chars, commas, candidates);

    private static void AddScoreFrom(ContentNode first, int chars, int commas, List<ContentNode> candidates)
    {
        var score = 1.0 + commas + Math.Min(chars / 100, 3);
        var level = 0;
        for (var a = first; a is not null && level < 5; a = a.Parent, level++)
        {
            if (a.Parent is null) break;
            if (double.IsNaN(a.Score))
            {
                Initialize(a);
                candidates.Add(a);
            }

            a.Score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }

    public static void Initialize(ContentNode n)
    {
        var s = n.Tag switch
        {
            "div" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        n.Score = s + ContentHints.ClassWeight(n);
    }

    private static bool HasBlockChild(ContentNode n)
    {
        foreach (var c in n.Children)
        {
            if (c.Removed || c.IsText) continue;
            if (ContentTree.Blocks.Contains(c.Tag) || HasBlockChild(c)) return true;
        }

        return false;
    }

    private static IEnumerable<ContentNode> ElementChildren(ContentNode n) => n.Children.Where(c => !c.Removed && (!c.IsText || c.Chars > 0));

    private static ContentNode CommonAncestor(ContentNode top, List<ContentNode> top5)
    {
        var alternatives = top5.Skip(1).Where(c => c.Score >= 0.75 * top.Score).ToList();
        if (alternatives.Count < 3) return top;
        for (var parent = top.Parent; parent is not null && parent.Parent is not null; parent = parent.Parent)
        {
            if (alternatives.Count(parent.Contains) >= 3)
            {
                if (double.IsNaN(parent.Score)) Initialize(parent);
                return parent;
            }
        }

        return top;
    }

    private static ContentNode Climb(ContentNode top, ContentNode root)
    {
        var last = top.Score;
        var threshold = last / 3;
        for (var parent = top.Parent; parent is not null && !ReferenceEquals(parent, root); parent = parent.Parent)
        {
            if (double.IsNaN(parent.Score)) continue;
            if (parent.Score < threshold) break;
            if (parent.Score > last) return parent;
            last = parent.Score;
        }

        return top;
    }

    private static List<ContentNode> WithSiblings(ContentNode top)
    {
        if (top.Parent is null) return [top];
        var result = new List<ContentNode>();
        var threshold = Math.Max(10, top.Score * 0.2);
        var topClass = top.Element?.GetAttribute("class");
        foreach (var s in top.Parent.Children)
        {
            if (s.Removed || s.IsText) continue;
            if (ReferenceEquals(s, top))
            {
                result.Add(s);
                continue;
            }

            var bonus = !string.IsNullOrEmpty(topClass) && topClass == s.Element?.GetAttribute("class") ? top.Score * 0.2 : 0;
            if (!double.IsNaN(s.Score) && s.Score + bonus >= threshold) result.Add(s);
            else if (s.Tag == "p")
            {
                if (s.Chars > 80 && s.LinkDensity < 0.25) result.Add(s);
                else if (s.Chars is > 0 and <= 80 && s.LinkChars == 0 && EndsSentence(s)) result.Add(s);
            }
        }

        return result;
    }

    private static bool EndsSentence(ContentNode p)
    {
        var text = TextWriter.Plain(p);
        return text.Contains(". ", StringComparison.Ordinal) || text.EndsWith('.');
    }
}
