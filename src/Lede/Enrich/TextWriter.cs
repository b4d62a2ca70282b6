using System.Net;
using System.Text;

namespace Lede.Enrich;

/// <summary>Renders kept nodes as paragraphs (blocks, headings, list items, rows) and as HTML for the sanitizer.</summary>
internal sealed class TextWriter
{
    private const int MaxDepth = 600;
    private readonly List<Paragraph> _paragraphs = [];
    private readonly StringBuilder _current = new();
    private int _linkChars;
    private bool _space;
    private ContentNode? _block;

    public static List<Paragraph> Paragraphs(IEnumerable<ContentNode> roots)
    {
        var w = new TextWriter();
        foreach (var r in roots)
        {
            w.Walk(r, false, false, 0);
            w.Flush();
        }

        return w._paragraphs;
    }

    public static string Plain(ContentNode node) => string.Join(" ", Paragraphs([node]).Select(p => p.Text));

    private void Walk(ContentNode n, bool link, bool pre, int depth)
    {
        if (n.Removed || depth > MaxDepth) return;
        if (n.IsText)
        {
            Append(n.Text!, link, pre);
            return;
        }

        switch (n.Tag)
        {
            case "br":
                _current.Append('\n');
                _space = false;
                return;
            case "td" or "th":
                _space = true;
                break;
        }

        var block = ContentTree.Blocks.Contains(n.Tag) && n.Tag is not ("td" or "th");
        if (block) Start(n);
        foreach (var c in n.Children) Walk(c, link || n.Tag == "a", pre || n.Tag == "pre", depth + 1);
        if (block) Flush();
    }

    private void Start(ContentNode n)
    {
        Flush();
        _block = n;
    }

    private void Append(string text, bool link, bool pre)
    {
        var before = _current.Length;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) && !(pre && ch == '\n'))
            {
                _space = true;
                continue;
            }

            if (_space && _current.Length > 0 && _current[^1] != '\n') _current.Append(' ');
            _space = false;
            _current.Append(ch);
        }

        if (link) _linkChars += _current.Length - before;
    }

    private void Flush()
    {
        var text = _current.ToString().Trim();
        if (text.Length > 0)
        {
            _paragraphs.Add(new Paragraph(text, _linkChars, _block?.Tag ?? "p", _block));
        }

        _current.Clear();
        _linkChars = 0;
        _space = false;
    }

    private static readonly HashSet<string> VoidTags = new(StringComparer.Ordinal) { "br", "hr", "img" };

    /// <summary>Kept nodes as raw HTML (tags with their href/src/alt only); the sanitizer has the last word.</summary>
    public static string Html(IEnumerable<ContentNode> roots)
    {
        var sb = new StringBuilder();
        foreach (var r in roots) WriteHtml(r, sb, 0);
        return sb.ToString();
    }

    private static void WriteHtml(ContentNode n, StringBuilder sb, int depth)
    {
        if (n.Removed || depth > MaxDepth) return;
        if (n.IsText)
        {
            sb.Append(WebUtility.HtmlEncode(n.Text));
            return;
        }

        sb.Append('<').Append(n.Tag);
        foreach (var name in (string[])["href", "src", "alt", "title", "datetime", "colspan", "rowspan"])
        {
            var v = n.Element?.GetAttribute(name);
            if (v is not null) sb.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(v)).Append('"');
        }

        sb.Append('>');
        if (VoidTags.Contains(n.Tag)) return;
        foreach (var c in n.Children) WriteHtml(c, sb, depth + 1);
        sb.Append("</").Append(n.Tag).Append('>');
    }
}
