using System.Text;
using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class XmlScannerTests
{
    private static XmlNode? Scan(string xml) => XmlScanner.TryRead(xml);

    private static XmlNode? SystemXml(string xml) => XmlTreeBuilder.TryBuildStrict(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Generated_well_formed_documents_give_the_same_tree_as_System_Xml()
    {
        var compared = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var xml = XmlDocumentGenerator.Document(new Random(seed));
            var expected = SystemXml(xml);
            expected.ShouldNotBeNull($"seed {seed}: the generator made a document System.Xml rejects:\n{xml}");
            var actual = Scan(xml);
            actual.ShouldNotBeNull($"seed {seed}: the scanner gave up on a well-formed document:\n{xml}");
            XmlTreeDump.Of(actual).ShouldBe(XmlTreeDump.Of(expected), $"seed {seed}:\n{xml}");
            compared++;
        }

        compared.ShouldBe(400);
    }

    [Theory]
    [InlineData("<r a='x\u0085y'>a\u0093b</r>")]
    [InlineData("<r>\u00A0nbsp \u00BFque? \uFF0Cfull\uFFFDwidth</r>")]
    [InlineData("<r><a>plain</a><b>\uFFFE</b></r>")]
    [InlineData("<r><a>plain</a><b>x\uFFFFy</b></r>")]
    [InlineData("<r a='&#x85;'>&#147;quoted&#148;</r>")]
    [InlineData("<r>\u00C2\u0080 \u00EF\u00BF\u00BE</r>")]
    public void Utf8_bytes_are_cleaned_of_what_XML_forbids_as_System_Xml_cleans_them(string xml)
    {
        // System.Xml refuses U+FFFE and U+FFFF; the scanner reading text checks every piece of it, as it always did.
        var bytes = Encoding.UTF8.GetBytes(xml);
        var expected = XmlTreeDump.Of(XmlTreeBuilder.TryBuildStrict(bytes) ?? Scan(xml).ShouldNotBeNull());
        XmlTreeDump.Of(XmlScanner.TryRead(bytes, Encoding.UTF8).ShouldNotBeNull()).ShouldBe(expected);
        XmlTreeDump.Of(Scan(xml).ShouldNotBeNull()).ShouldBe(expected);
    }

    [Fact]
    public void Text_and_children_keep_their_order_whichever_comes_first()
    {
        Scan("<t><b>1</b> and <i>2</i> end</t>")!.InnerMarkup().ShouldBe("<b>1</b> and <i>2</i> end");
        Scan("<t>start <b>1</b><i>2</i></t>")!.InnerMarkup().ShouldBe("start <b>1</b><i>2</i>");
        Scan("<t><b>1</b><i>2</i></t>")!.InnerMarkup().ShouldBe("<b>1</b><i>2</i>");
        Scan("<t>a<br/>b</t>")!.InnerMarkup().ShouldBe("a<br>b");
    }

    [Fact]
    public void A_tree_read_from_bytes_is_readable_until_the_thread_scans_the_next_feed()
    {
        var first = XmlScanner.TryRead("<t>one &amp; two</t>"u8, System.Text.Encoding.UTF8)!;
        first.TextSpan.ToString().ShouldBe("one & two");
        XmlScanner.TryRead("<u>other</u>"u8, System.Text.Encoding.UTF8).ShouldNotBeNull();
        // A stale read fails loudly instead of returning the next feed's characters.
        Should.Throw<InvalidOperationException>(() => first.Text);
    }

    [Fact]
    public void Prefixes_resolve_through_declarations_defaults_and_the_well_known_feed_prefixes()
    {
        var root = Scan("<feed xmlns='http://www.w3.org/2005/Atom' xmlns:x='urn:x'><x:a x:b='1' c='2'/><dc:creator>me</dc:creator><inner xmlns=''><y/></inner></feed>")!;
        root.Ns.ShouldBe(Ns.Atom10);
        var a = root.Children[0];
        (a.Name, a.Ns).ShouldBe(("a", "urn:x"));
        a.Attributes.Select(p => $"{p.Key}={p.Value}").ShouldBe(["b=1", "c=2"]);
        (root.Children[1].Name, root.Children[1].Ns).ShouldBe(("creator", Ns.Dc));
        root.Children[2].Children[0].Ns.ShouldBe("");
    }

    [Fact]
    public void CDATA_entities_and_character_references_become_text()
    {
        var root = Scan("<t>a &amp; b &lt;i&gt; &quot;&apos; &#65;&#x1F600; <![CDATA[<b>&amp;</b>]]></t>")!;
        root.Text.ShouldBe("a & b <i> \"' A\U0001F600 <b>&amp;</b>");
    }

    [Fact]
    public void Attribute_values_in_either_quote_are_normalized_like_System_Xml()
    {
        var root = Scan("<t a=\"it's\" b='say \"hi\"' c=\"x\ty\r\nz\" d='&#10;&amp;'/>")!;
        root.Attr("a").ShouldBe("it's");
        root.Attr("b").ShouldBe("say \"hi\"");
        root.Attr("c").ShouldBe("x y z");
        root.Attr("d").ShouldBe("\n&");
    }

    [Fact]
    public void Line_ends_are_normalized_and_whitespace_is_kept()
    {
        var root = Scan("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<t>\r\n  a\rb <c/>\t</t>\r\n")!;
        root.Text.ShouldBe("\n  a\nb \t");
    }

    [Fact]
    public void Xml_base_is_resolved_against_the_inherited_base()
    {
        var root = Scan("<feed xml:base='http://example.com/feed/'><entry xml:base='items/'><link href='1'/></entry></feed>")!;
        root.Base.ShouldBe("http://example.com/feed/");
        root.Children[0].Base.ShouldBe("http://example.com/feed/items/");
        root.Children[0].Children[0].Base.ShouldBe("http://example.com/feed/items/");
    }

    [Fact]
    public void Elements_past_the_depth_cap_are_flattened_into_the_deepest_kept_one()
    {
        var xml = "<r>" + string.Concat(Enumerable.Repeat("<d>", 200)) + "deep" + string.Concat(Enumerable.Repeat("</d>", 200)) + "</r>";
        var root = Scan(xml)!;
        var depth = 1;
        var node = root;
        while (node.HasChildren)
        {
            node = node.Children[0];
            depth++;
        }

        depth.ShouldBe(128);
        node.Text.ShouldBe("deep");
        XmlTreeDump.Of(root).ShouldBe(XmlTreeDump.Of(SystemXml(xml)));
    }

    [Fact]
    public void A_hundred_thousand_open_elements_are_read_without_recursion()
    {
        var xml = "<r>" + string.Concat(Enumerable.Repeat("<d>", 100_000)) + string.Concat(Enumerable.Repeat("</d>", 100_000)) + "</r>";
        Scan(xml).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("<r><a></b></r>")]
    [InlineData("<r><a></r>")]
    [InlineData("<r>")]
    [InlineData("<r>&nbsp;</r>")]
    [InlineData("<r>a & b</r>")]
    [InlineData("<r>a ]]> b</r>")]
    [InlineData("<r a='1' a='2'/>")]
    [InlineData("<r xmlns:p='urn:1' xmlns:q='urn:1' p:a='1' q:a='2'/>")]
    [InlineData("<r><u:x/></r>")]
    [InlineData("<r u:a='1'/>")]
    [InlineData("<r a='<'/>")]
    [InlineData("<r a=1/>")]
    [InlineData("<r a='1'b='2'/>")]
    [InlineData("<r/><r/>")]
    [InlineData("<r/>text")]
    [InlineData("text<r/>")]
    [InlineData("<r><!-- a -- b --></r>")]
    [InlineData("<r><?xml version='1.0'?></r>")]
    [InlineData("<?xml encoding='utf-8'?><r/>")]
    [InlineData("<r xmlns:p=''/>")]
    [InlineData("<?xml version='2.0'?><r/>")]
    [InlineData("<?xml version='1.0' standalone='maybe'?><r/>")]
    [InlineData("<?xml version='1.0' encoding='utf 8'?><r/>")]
    [InlineData("<?xml version='1.0' standalone='yes' encoding='utf-8'?><r/>")]
    [InlineData("<r><![CDATA[open</r>")]
    [InlineData("")]
    public void Anything_not_well_formed_is_left_to_System_Xml(string xml)
    {
        Scan(xml).ShouldBeNull();
        SystemXml(xml).ShouldBeNull();
    }

    [Theory]
    [InlineData("<r>&#0;</r>")]
    [InlineData("<r>&#xD800;</r>")]
    [InlineData("<r>&#x110000;</r>")]
    [InlineData("<r>&#00000000065;</r>")]
    [InlineData("<élément/>")]
    public void Characters_and_names_System_Xml_reads_its_own_way_are_left_to_it(string xml)
    {
        Scan(xml).ShouldBeNull();
    }

    [Theory]
    [InlineData("rss20-billion-laughs.xml")]
    [InlineData("rss20-xxe-external-entity.xml")]
    public void A_DOCTYPE_with_an_internal_subset_is_never_read(string fixture)
    {
        Scan(Encoding.UTF8.GetString(ParseFixtures.Bytes(fixture))).ShouldBeNull();
    }

    [Fact]
    public void A_DOCTYPE_with_only_an_external_id_is_skipped_unread()
    {
        var root = Scan("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version='0.91'><channel/></rss>")!;
        root.Name.ShouldBe("rss");
        root.Children.Single().Name.ShouldBe("channel");
    }

    [Fact]
    public void Windows_1252_numeric_references_are_cleaned_as_on_the_System_Xml_path()
    {
        Scan("<t>&#150;&#x92;</t>")!.Text.ShouldBe("\u2013\u2019");
    }

    [Fact]
    public void Hundreds_of_attributes_are_left_to_System_Xml()
    {
        var xml = "<r " + string.Join(' ', Enumerable.Range(0, 100).Select(i => $"a{i}='{i}'")) + "/>";
        Scan(xml).ShouldBeNull();
        SystemXml(xml).ShouldNotBeNull().Attributes.Count.ShouldBe(100);
    }

    [Fact]
    public void Text_between_a_hundred_thousand_children_is_gathered_in_linear_time()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = ParseFixtures.Text("<rss><channel><title>t</title>" + string.Concat(Enumerable.Repeat("x<b/>", 200_000)) + "</channel></rss>");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        result.Feed.ShouldNotBeNull().Title.ShouldBe("t");
        Scan("<r>" + string.Concat(Enumerable.Repeat("x<b/>", 200_000)) + "</r>")!.Text.Length.ShouldBe(200_000);
    }

    [Fact]
    public void Repeated_names_and_whitespace_share_one_string()
    {
        var root = Scan("<r>\n  <item>a</item>\n  <item>b</item>\n</r>")!;
        ReferenceEquals(root.Children[0].Name, root.Children[1].Name).ShouldBeTrue();
    }

    [Fact]
    public void Text_needs_cleaning_exactly_when_it_holds_a_character_XML_forbids()
    {
        char[] alphabet = ['a', ' ', '\t', '\n', '\r', '\0', '\u001F', '\u007F', '\u0080', '\u009F', '\u00A0', '\u00E9', '\uFFFD', '\uFFFE', '\uFFFF', '\uD800'];
        var random = new Random(3);
        for (var n = 0; n < 20_000; n++)
        {
            var text = new char[random.Next(0, 80)];
            for (var k = 0; k < text.Length; k++) text[k] = random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : 'x';
            var expected = text.Any(c => c is (>= '\u0080' and <= '\u009F') or '\uFFFE' or '\uFFFF' or (< ' ' and not ('\t' or '\n' or '\r')));
            XmlTreeBuilder.NeedsCleaning(text).ShouldBe(expected, new string(text));
        }
    }
}
