using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>A light copy of one DOM node for the extractor: tag, class/id words, children, and counts kept up to date.</summary>
/// <remarks>The extractor marks nodes removed here instead of changing the caller's document.</remarks>
internal sealed class ContentNode(IElement? element, string tag, string? text, ContentNode? parent)
{
    public IElement? Element { get; } = element;

    /// <summary>Lower-case local name, or <c>#text</c>.</summary>
    public string Tag { get; } = tag;

    public string? Text { get; } = text;

    public ContentNode? Parent { get; } = parent;

    public List<ContentNode> Children { get; } = [];

    /// <summary>Class and id, lower-cased, space separated (empty for text).</summary>
    public string ClassAndId { get; init; } = "";

    public bool Removed { get; set; }

    /// <summary>Readability's content score; NaN until the node is initialised.</summary>
    public double Score { get; set; } = double.NaN;

    /// <summary>Characters of text below (whitespace runs counted once), not counting removed nodes.</summary>
    public int Chars { get; set; }

    /// <summary>Characters of text below inside links.</summary>
    public int LinkChars { get; set; }

    /// <summary>Commas below (Latin and CJK).</summary>
    public int Commas { get; set; }

    /// <summary>Paragraph elements (p) below with at least 20 characters.</summary>
    public int Paragraphs { get; set; }

    public bool IsText => Text is not null;

    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;

    public bool Contains(ContentNode other)
    {
        for (var n = other; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, this)) return true;
        }

        return false;
    }

    public bool IsRemovedOrUnder()
    {
        for (var n = this; n is not null; n = n.Parent)
        {
            if (n.Removed) return true;
        }

        return false;
    }

    public override string ToString() => IsText ? "#text" : $"<{Tag} {ClassAndId}> chars={Chars} score={Score:F1}";
}
