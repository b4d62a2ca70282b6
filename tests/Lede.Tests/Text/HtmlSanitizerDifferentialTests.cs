using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Lede.Benchmarks.Legacy;
using Lede.Text;

namespace Lede.Tests.Text;

/// <summary>The single-pass sanitizer against the previous AngleSharp one on generated HTML: never looser, never losing text the old one kept.</summary>
public sealed partial class HtmlSanitizerDifferentialTests
{
    private static readonly string[] Pieces =
    [
        "alpha ", "bravo ", "charlie ", "delta ", "echo ", " ", "\n", "&amp; ", "&lt;", "&gt;", "&eacute;", "&#233;", "caf\u00e9 ",
        "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<em>", "</em>", "<div>", "</div>", "<span class=\"x\">", "</span>", "<br>", "<br/>",
        "<ul>", "<li>", "</li>", "</ul>", "<blockquote cite=\"/q\">", "</blockquote>", "<table><tr><td>", "</td></tr></table>", "<h2>", "</h2>",
        "<a href=\"/story/1\">", "<a href=\"https://e.com/x?a=1&amp;b=2\" title=\"t\">", "<a href=\"javascript:alert(1)\">", "<a href=\"jav&#x09;ascript:x\">", "</a>",
        "<img src=\"https://img.e.com/1.jpg\" alt=\"a\" onerror=\"evil()\">", "<img src=x onerror=alert(1)>", "<img src=\"data:image/png;base64,AA\">",
        "<script>alert(1)</script>", "<style>p{}</style>", "<svg><script>alert(1)</script></svg>", "<!-- note -->", "<font color=red>", "</font>",
        "<p onclick=\"x()\" style=\"color:red\">", "<iframe src=\"https://e.com/\"></iframe>", "<object data=\"x\"></object>",
    ];

    private static Gen<string> RandomHtml { get; } = Gen.Elements(Pieces).ArrayOf().Select(string.Concat);

    [Fact]
    public void The_new_sanitizer_keeps_every_word_the_old_one_kept_and_is_never_looser()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500), Prop.ForAll(RandomHtml.ToArbitrary(), html =>
        {
            var old = LegacyHtmlSanitizer.Sanitize(html, "https://e.com/a/") ?? "";
            var current = HtmlSanitizer.Sanitize(html, "https://e.com/a/") ?? "";
            var kept = Words(current);
            foreach (var word in Words(old)) kept.Contains(word).ShouldBeTrue($"'{word}' lost from {html}\nold: {old}\nnew: {current}");
            // Every tag and attribute the new one writes is one the allowlist allows; no handler, style or script URL.
            foreach (Match tag in Tag().Matches(current))
            {
                AllowedTags.Contains(tag.Groups["name"].Value).ShouldBeTrue(current);
                foreach (Capture attribute in tag.Groups["attr"].Captures) AllowedAttributes.Contains(attribute.Value).ShouldBeTrue(current);
            }

            current.ShouldNotContain("javascript", Case.Insensitive);
            current.ShouldNotContain("data:", Case.Insensitive);
        }));

    private static readonly HashSet<string> AllowedTags = new(StringComparer.Ordinal)
        { "p", "b", "i", "em", "div", "span", "br", "ul", "li", "blockquote", "table", "tbody", "tr", "td", "h2", "a", "img" };

    private static readonly HashSet<string> AllowedAttributes = new(StringComparer.Ordinal) { "href", "src", "alt", "title", "cite", "rel" };

    private static HashSet<string> Words(string html)
        => new(Word().Matches(HtmlText.ToPlain(html) ?? "").Select(m => m.Value), StringComparer.Ordinal);

    [GeneratedRegex(@"\p{L}+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Word();

    [GeneratedRegex("<(?<name>[a-z0-9]+)(?: (?<attr>[a-z]+)=\"[^\"]*\")*>", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();
}
