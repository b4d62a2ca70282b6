using System.Text;
using Lede.Parse;

namespace Lede.Tests.Parse;

/// <summary>Everything a reader can see of an <see cref="XmlNode"/> tree, as one string to compare.</summary>
internal static class XmlTreeDump
{
    public static string Of(XmlNode? node)
    {
        if (node is null) return "(null)";
        var sb = new StringBuilder();
        Write(node, sb, 0);
        return sb.ToString();
    }

    private static void Write(XmlNode node, StringBuilder sb, int depth)
    {
        sb.Append(' ', depth).Append(node.Ns).Append('|').Append(node.Name).Append('|').Append(node.Base).Append('|')
            .Append(node.Text.ReplaceLineEndings("\\n")).Append('|').Append(node.Complete);
        foreach (var (k, v) in node.Attributes) sb.Append(' ').Append(k).Append("=[").Append(v).Append(']');
        sb.Append('\n');
        if (node.HasChildren) sb.Append(' ', depth).Append("markup: ").Append(node.InnerMarkup().ReplaceLineEndings("\\n")).Append('\n');
        foreach (var child in node.Children) Write(child, sb, depth + 1);
    }
}
