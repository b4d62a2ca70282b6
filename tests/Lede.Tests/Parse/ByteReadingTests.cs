using System.Text;
using Lede.Parse;
using Lede.Tests.Support;

namespace Lede.Tests.Parse;

/// <summary>The fast byte paths must read exactly what the text path reads: same characters, same tree.</summary>
public sealed class ByteReadingTests
{
    public static TheoryData<string> XmlFiles { get; } = new(
        Directory.GetFiles(Path.Combine(Repo.Root, "tests", "Lede.Tests", "Parse", "Fixtures"), "*.xml")
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "samples", "newsroom"), "*.xml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(XmlFiles))]
    public void The_tree_read_from_bytes_equals_the_tree_read_from_decoded_text(string file)
    {
        var bytes = File.ReadAllBytes(file);
        if (!FeedDecoder.TryXmlBytes(bytes, null, out var xml) || XmlTreeBuilder.TryBuildStrict(xml) is not { } fromBytes) return;
        var fromText = XmlTreeBuilder.Build(FeedDecoder.Decode(bytes, null, []), []);
        Dump(fromBytes).ShouldBe(Dump(fromText!));
    }

    [Theory]
    [InlineData(1252)]
    [InlineData(1251)]
    [InlineData(28592)]
    [InlineData(874)]
    public void Single_byte_decoding_by_table_gives_the_encodings_own_characters(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(codePage);
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)((i * 37) % 256)).ToArray();
        SingleByteDecoder.For(encoding)!.GetString(bytes).ShouldBe(encoding.GetString(bytes));
    }

    [Fact]
    public void Declarations_the_text_path_reads_differently_keep_the_text_path()
    {
        FeedDecoder.TryXmlBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss/>"u8.ToArray(), null, out _).ShouldBeFalse();
        byte[] latin1 = [.. "<rss>caf"u8, 0xE9, .. "</rss>"u8];
        FeedDecoder.TryXmlBytes(latin1, null, out _).ShouldBeFalse();
        FeedDecoder.TryXmlBytes("<rss/>"u8.ToArray(), "text/xml; charset=utf-8", out _).ShouldBeFalse();
        FeedDecoder.TryXmlBytes("  <rss/>"u8.ToArray(), null, out _).ShouldBeFalse();
        FeedDecoder.TryXmlBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss/>"u8.ToArray(), null, out _).ShouldBeTrue();
    }

    [Fact]
    public void Invalid_UTF_8_in_a_well_formed_feed_is_read_as_windows_1252_with_a_warning()
    {
        byte[] feed = [.. "<rss version=\"2.0\"><channel><title>caf"u8, 0xE9, .. " cr\u00e8me</title></channel></rss>"u8];
        var result = FeedParser.Parse(new FeedInput(feed));
        result.Feed.ShouldNotBeNull().Title.ShouldBe("café crÃ¨me");
        result.Warnings.ShouldContain(w => w.Kind == "encoding");
    }

    private static string Dump(XmlNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb, 0);
        return sb.ToString();
    }

    private static void Write(XmlNode node, StringBuilder sb, int depth)
    {
        sb.Append(' ', depth).Append(node.Ns).Append('|').Append(node.Name).Append('|').Append(node.Base).Append('|').Append(node.Text).Append('|').Append(node.Complete);
        foreach (var (k, v) in node.Attributes) sb.Append(' ').Append(k).Append('=').Append(v);
        sb.Append('\n');
        foreach (var child in node.Children) Write(child, sb, depth + 1);
    }
}
