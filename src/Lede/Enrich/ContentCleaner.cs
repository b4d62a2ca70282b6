namespace Lede.Enrich;

/// <summary>Boilerplate pruning: whole-page structural removal first, then Readability's conditional cleaning inside the chosen content.</summary>
internal static class ContentCleaner
{
    private static readonly HashSet<string> StructuralTags = new(StringComparer.Ordinal) { "nav", "footer", "aside", "menu" };

    /// <summary>Marks navigation, footers, asides, unlikely roles and unlikely class/id words removed, keeping big wrappers.</summary>
    public static void Prune(ContentNode root, bool unlikelyClasses, Deadline deadline)
    {
        var total = Math.Max(1, root.Chars);
        var stack = new Stack<ContentNode>();
        stack.Push(root);
        var steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0 && deadline.Passed) return;
            var n = stack.Pop();
            if (n.IsText || n.Removed) continue;
            if (!ReferenceEquals(n, root) && ShouldPrune(n, unlikelyClasses, total))
            {
                n.Removed = true;
                continue;
            }

            foreach (var c in n.Children) stack.Push(c);
        }
    }

    private static bool ShouldPrune(ContentNode n, bool unlikelyClasses, int total)
    {
        // A wrapper holding most of the page's paragraphs is content whatever its name says.
        var big = n.Paragraphs >= 5 && n.Chars > total / 2;
        if (StructuralTags.Contains(n.Tag)) return !big;
        if (n.Tag == "header") return n.Paragraphs < 3;
        var role = n.Element?.GetAttribute("role");
        if (role is not null && ContentHints.UnlikelyRoles.Contains(role)) return !big;
        if (!unlikelyClasses || n.ClassAndId.Length == 0 || n.Tag is "body" or "a" or "article" or "main") return false;
        // Several real paragraphs with few links are text whatever the class says (paywalled or lazily loaded bodies).
        var texty = n.Paragraphs >= 3 && n.LinkDensity < 0.2 && n.Chars > 80 * n.Paragraphs;
        return ContentHints.Unlikely().IsMatch(n.ClassAndId) && !ContentHints.MaybeCandidate().IsMatch(n.ClassAndId) && !big && !texty;
    }

    /// <summary>Readability's <c>_cleanConditionally</c> and header cleaning inside the content roots.</summary>
    public static void CleanInside(IEnumerable<ContentNode> roots, Deadline deadline)
    {
        foreach (var r in roots)
        {
            var stack = new Stack<ContentNode>();
            stack.Push(r);
            var steps = 0;
            while (stack.Count > 0)
            {
                if ((++steps & 255) == 0 && deadline.Passed) return;
                var n = stack.Pop();
                if (n.IsText || n.Removed) continue;
                if (!ReferenceEquals(n, r) && ShouldClean(n))
                {
                    n.Removed = true;
                    continue;
                }

                foreach (var c in n.Children) stack.Push(c);
            }
        }
    }

    private static bool ShouldClean(ContentNode n)
    {
        switch (n.Tag)
        {
            case "h1":
                return true;
            case "h2" or "h3" or "h4" or "h5" or "h6":
                return ContentHints.ClassWeight(n) < 0 || n.LinkDensity > 0.5;
            case "figcaption":
                return true;
            case "form" or "fieldset" or "table" or "ul" or "ol" or "div" or "section" or "dl":
                break;
            default:
                return false;
        }

        if (n.Tag == "table" && IsDataTable(n)) return false;
        var weight = ContentHints.ClassWeight(n);
        var score = double.IsNaN(n.Score) ? 0 : n.Score;
        if (weight + score < 0) return true;
        if (n.Commas >= 10) return false;
        int p = 0, img = 0, li = 0, embeds = 0, headingChars = 0, listChars = 0;
        Tally(n, ref p, ref img, ref li, ref embeds, ref headingChars, ref listChars, 0);
        var isList = n.Tag is "ul" or "ol" || (n.Chars > 0 && (double)listChars / n.Chars > 0.9);
        var ld = n.LinkDensity;
        var headingDensity = n.Chars == 0 ? 0 : (double)headingChars / n.Chars;
        if (img > 1 && (double)p / img < 0.5) return true;
        if (!isList && li - 100 > p) return true;
        if (!isList && headingDensity < 0.9 && n.Chars < 25 && (img == 0 || img > 2) && ld > 0) return true;
        if (!isList && weight < 25 && ld > 0.2) return true;
        if (weight >= 25 && ld > 0.5) return true;
        if ((embeds == 1 && n.Chars < 75) || embeds > 1) return true;
        // Lists of links (related stories, tag clouds) are navigation even inside the article.
        return isList && ld > 0.5;
    }

    private static void Tally(ContentNode n, ref int p, ref int img, ref int li, ref int embeds, ref int headingChars, ref int listChars, int depth)
    {
        foreach (var c in n.Children)
        {
            if (c.Removed || c.IsText || depth > 200) continue;
            switch (c.Tag)
            {
                case "p": p++; break;
                case "img": img++; break;
                case "li": li++; listChars += c.Chars; break;
                case "object" or "embed" or "iframe" or "video": embeds++; break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6": headingChars += c.Chars; break;
            }

            Tally(c, ref p, ref img, ref li, ref embeds, ref headingChars, ref listChars, depth + 1);
        }
    }

    private static bool IsDataTable(ContentNode table)
    {
        var e = table.Element;
        if (e is null) return false;
        if (e.GetAttribute("role") == "presentation") return false;
        if (e.QuerySelector("table") is not null) return false;
        var rows = e.QuerySelectorAll("tr").Length;
        return e.QuerySelector("th, thead, caption") is not null || rows >= 10 || (rows > 2 && e.QuerySelectorAll("td").Length / rows > 2);
    }
}
