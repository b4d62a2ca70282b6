namespace Lede.Text;

public static partial class HtmlSanitizer
{
    /// <summary>The attributes that may survive, each on some elements only (see <see cref="IsAllowed"/>); the first three are URLs.</summary>
    private static readonly string[] AttributeNames = ["href", "src", "cite", "alt", "title", "width", "height", "colspan", "rowspan", "datetime", "start"];

    /// <summary>What is written before each attribute's value: <c> href="</c>.</summary>
    private static readonly string[] AttributeOpenings = [.. AttributeNames.Select(a => $" {a}=\"")];

    private const int Href = 0;

    /// <summary>Attributes below this index in <see cref="AttributeNames"/> hold URLs.</summary>
    private const int UrlAttributes = 3;

    private static readonly Element[] Elements = BuildElements();

    /// <summary>The elements by <see cref="Bucket"/> of their names: a tag name is found by a few character compares, not a hash of it.</summary>
    private static readonly Element[][] ElementBuckets = BuildBuckets();

    /// <summary>The element of each one-letter lower-case tag name, 'a' to 'z'; null where there is none.</summary>
    private static readonly Element?[] SingleLetterElements = [.. Enumerable.Range('a', 26).Select(c => Elements.FirstOrDefault(e => e.Name == ((char)c).ToString()))];

    /// <summary>
    /// One known element: its canonical (lower-case) name, its rule, the attributes it may keep, and the markup written for it,
    /// made once so that writing a tag is one copy.
    /// </summary>
    private sealed class Element(string name, TagRule rule, int attributes)
    {
        public string Name { get; } = name;
        public TagRule Rule { get; } = rule;

        /// <summary>Bit i set: <see cref="AttributeNames"/>[i] may stay on this element.</summary>
        public int Attributes { get; } = attributes;

        public bool IsKept { get; } = rule.HasFlag(TagRule.Keep);
        public bool IsVoid { get; } = rule.HasFlag(TagRule.Void);
        public bool IsDropped { get; } = rule.HasFlag(TagRule.Drop);
        public bool IsRawText { get; } = rule.HasFlag(TagRule.RawText);
        public bool IsToEnd { get; } = rule.HasFlag(TagRule.ToEnd);

        /// <summary>p and li: a new one ends the previous one, as in HTML.</summary>
        public bool EndsPrevious { get; } = name is "p" or "li";

        /// <summary>"&lt;p", followed by the attributes and '&gt;'.</summary>
        public string Opening { get; } = "<" + name;

        /// <summary>"&lt;p&gt;": the start tag with no attribute kept.</summary>
        public string StartTag { get; } = "<" + name + ">";

        /// <summary>"&lt;/p&gt;".</summary>
        public string EndTag { get; } = "</" + name + ">";
    }

    /// <summary>Whether <paramref name="attribute"/> may stay on <paramref name="element"/>.</summary>
    private static bool IsAllowed(string element, string attribute)
        => attribute switch
        {
            "href" => element == "a",
            "src" => element == "img",
            "cite" => element is "blockquote" or "q" or "del" or "ins",
            "alt" or "title" => true,
            "width" or "height" => element is "img" or "td" or "th" or "col",
            "colspan" or "rowspan" => element is "td" or "th",
            "datetime" => element is "time" or "del" or "ins",
            "start" => element == "ol",
            _ => false,
        };

    /// <summary>Which of <see cref="ElementBuckets"/> a (non-empty) name falls in: its length and first and last characters.</summary>
    private static int Bucket(ReadOnlySpan<char> name) => ((name.Length * 7) + (name[0] * 3) + name[^1]) & 127;

    /// <summary>The element named exactly <paramref name="name"/> (non-empty); null when it is not known.</summary>
    private static Element? Find(ReadOnlySpan<char> name)
    {
        foreach (var element in ElementBuckets[Bucket(name)])
        {
            if (name.SequenceEqual(element.Name)) return element;
        }

        return null;
    }

    private static Element[][] BuildBuckets()
    {
        var buckets = new List<Element>[128];
        foreach (var element in Elements) (buckets[Bucket(element.Name)] ??= []).Add(element);
        return [.. buckets.Select(b => b?.ToArray() ?? [])];
    }

    private static Element[] BuildElements()
        => [.. BuildRules().Select(r => new Element(r.Key, r.Value, Enumerable.Range(0, AttributeNames.Length)
            .Where(i => IsAllowed(r.Key, AttributeNames[i])).Sum(i => 1 << i)))];

    private static Dictionary<string, TagRule> BuildRules()
    {
        var rules = new Dictionary<string, TagRule>(StringComparer.Ordinal);
        foreach (var name in (string[])
                 [
                     "p", "a", "div", "span", "b", "i", "u", "s", "em", "strong", "small", "sub", "sup", "mark", "q", "cite", "abbr", "del", "ins",
                     "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "kbd", "samp", "var",
                     "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "picture",
                     "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "time",
                 ])
        {
            rules[name] = TagRule.Keep;
        }

        foreach (var name in (string[])["br", "hr", "img", "col"]) rules[name] = TagRule.Keep | TagRule.Void;
        // Dropped with everything inside: their content is code, not text.
        foreach (var name in (string[])
                 [
                     "form", "button", "select", "template", "svg", "math", "frameset", "head",
                     "audio", "video", "canvas", "dialog", "portal",
                 ])
        {
            rules[name] = TagRule.Drop;
        }

        // Elements that hold no content: never opened, never closed.
        foreach (var name in (string[])["input", "embed", "source", "track", "param", "link", "meta", "base", "frame"]) rules[name] = TagRule.Drop | TagRule.Void;
        // What the HTML tree builder would tell the tokenizer: the content of these elements is not markup.
        foreach (var name in (string[])["script", "style", "xmp", "noembed", "noframes", "noscript", "textarea", "title"]) rules[name] = TagRule.Drop | TagRule.RawText;
        // Embedding containers: the element goes, its fallback content (what a browser shows when it cannot embed, and all a
        // reader sees once the element is gone) stays, sanitized like any other markup.
        foreach (var name in (string[])["object", "applet", "iframe"]) rules[name] = TagRule.Unwrap;
        rules["plaintext"] = TagRule.Drop | TagRule.ToEnd;
        return rules;
    }
}
