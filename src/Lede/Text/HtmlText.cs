using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Lede.Text;

/// <summary>Plain text from HTML fragments: entities decoded, tags dropped, blocks separated, whitespace collapsed.</summary>
public static class HtmlText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "iframe", "object", "svg" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table", "section", "article", "figure", "figcaption", "hr",
    };

    /// <summary>The text of <paramref name="html"/>; paragraphs become blank-line-separated when <paramref name="keepParagraphs"/>, else one line.</summary>
    public static string ToPlain(string? html, bool keepParagraphs = false)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        // Plain text with no markup or entities needs no parser.
        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return Collapse(html, keepParagraphs);
        }

        var document = Parser.ParseDocument("<body></body>");
        var body = document.Body!;
        body.InnerHtml = html;
        var sb = new StringBuilder(html.Length);
        Append(body, sb);
        return Collapse(sb.ToString(), keepParagraphs);
    }

    private static void Append(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element when Dropped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                    {
                        sb.Append("\n\n");
                    }

                    Append(element, sb);
                    if (block)
                    {
                        sb.Append("\n\n");
                    }

                    break;
            }
        }
    }

    /// <summary>Runs of whitespace become one space; with paragraphs kept, blank lines separate them.</summary>
    private static string Collapse(string text, bool keepParagraphs)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0);
        return string.Join(keepParagraphs ? "\n\n" : " ", paragraphs);
    }
}
