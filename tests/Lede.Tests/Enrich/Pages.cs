using System.IO.Compression;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lede.Enrich;

namespace Lede.Tests.Enrich;

/// <summary>Parses HTML for the page-facts tests.</summary>
public static class Pages
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static PageFacts Read(string html, string url = "https://news.example.com/2021/09/a-story/")
        => PageFactsReader.Read(Parse(html), new Uri(url));

    public static string ReadGzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
