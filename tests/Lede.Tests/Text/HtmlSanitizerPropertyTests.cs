using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Lede.Text;

namespace Lede.Tests.Text;

/// <summary>Random and damaged HTML: the output never carries script, handlers or script URLs, tags stay balanced, and a second pass changes nothing.</summary>
public sealed partial class HtmlSanitizerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "<", ">", "/", "\"", "'", "=", " ", "\t", "\n", "&", ";", "#", "x", "!", "-", "--", "?", "\0", "\u00A0",
        "<script>", "</script>", "<script", "script", "<style>", "</style>", "<iframe>", "</iframe>", "<svg>", "</svg>", "<math>",
        "<object>", "</object>", "<noscript>", "</noscript>", "<textarea>", "<title>", "<!--", "-->", "--!>", "<![CDATA[", "]]>", "<?", "<!DOCTYPE",
        "<a href=", "<a href=\"", "<img src=", "<img src='", "<blockquote cite=", "<p>", "</p>", "<li>", "<b>", "</b>", "<div>", "</div>",
        "<table>", "<td colspan=2>", "<br/>", "<p/>", " onerror=", " onclick=\"", " ONload=", " title=", " alt=",
        "javascript:", "JaVaScRiPt:", "java\tscript:", "jav&#x09;ascript:", "jav&Tab;ascript:", "javascript&colon;", "&#106;avascript:",
        "vbscript:", "data:text/html,", "data:image/png;base64,AA", "alert(1)", "http://e.com/", "/rel", "#top", "mailto:a@b.c",
        "&amp;", "&lt;", "&gt;", "&quot;", "&#60;", "&#x3C;", "&#0;", "&#128;", "&nbsp", "&copy", "words", "é",
    ];

    private static Gen<string> RandomHtml { get; } =
        Gen.Elements(Pieces).ArrayOf().Select(string.Concat);

    [Fact]
    public void Output_never_carries_script_handlers_or_script_urls()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(RandomHtml.ToArbitrary(), html =>
        {
            foreach (var baseUrl in (string?[])[null, "https://e.com/a/"])
            {
                var output = HtmlSanitizer.Sanitize(html, baseUrl) ?? "";
                output.ShouldNotContain("<script", Case.Insensitive);
                foreach (Match tag in WholeTag().Matches(output))
                {
                    // Every tag is a name and double-quoted attributes, nothing else: no unquoted leftovers a browser could read differently.
                    Attribute().Replace(tag.Value, "").ShouldMatch("^</?[a-z0-9]+>$", output);
                    foreach (Match attribute in Attribute().Matches(tag.Value))
                    {
                        var name = attribute.Groups["name"].Value;
                        name.ShouldNotStartWith("on", Case.Insensitive, output);
                        if (name is not ("href" or "src" or "cite")) continue;
                        var url = System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value).Replace("\t", "", StringComparison.Ordinal).Trim();
                        url.ShouldNotStartWith("javascript:", Case.Insensitive, output);
                        url.ShouldNotStartWith("vbscript:", Case.Insensitive, output);
                        url.ShouldNotStartWith("data:", Case.Insensitive, output);
                    }
                }
            }
        }));

    [Fact]
    public void Sanitizing_twice_changes_nothing()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(RandomHtml.ToArbitrary(), html =>
        {
            foreach (var baseUrl in (string?[])[null, "https://e.com/a/"])
            {
                var once = HtmlSanitizer.Sanitize(html, baseUrl);
                HtmlSanitizer.Sanitize(once, baseUrl).ShouldBe(once);
            }
        }));

    [Fact]
    public void Output_tags_are_balanced()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(RandomHtml.ToArbitrary(), html =>
        {
            var output = HtmlSanitizer.Sanitize(html) ?? "";
            var open = new Stack<string>();
            foreach (Match m in Tag().Matches(output))
            {
                var name = m.Groups["name"].Value;
                if (m.Groups["close"].Value == "/") open.Pop().ShouldBe(name, output);
                else if (name is not ("br" or "hr" or "img" or "col")) open.Push(name);
            }

            open.ShouldBeEmpty(output);
        }));

    // In escaped text '<' is always "&lt;", so every '<' in the output opens a tag; '>' never occurs inside quoted values.
    [GeneratedRegex(" (?<name>[a-z]+)=\"(?<value>[^\"]*)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Attribute();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WholeTag();

    [GeneratedRegex("<(?<close>/?)(?<name>[a-z0-9]+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();
}
