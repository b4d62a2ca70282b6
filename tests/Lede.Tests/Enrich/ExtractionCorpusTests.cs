using Lede.Enrich;
using Lede.Tests.Support;

namespace Lede.Tests.Enrich;

/// <summary>Every page of ../shared/corpora/extraction (real pages, broken ones included) reads without an exception.</summary>
public sealed class ExtractionCorpusTests
{
    [Fact]
    public void Every_corpus_page_reads_without_throwing()
    {
        var files = Directory.GetFiles(Repo.Shared("corpora/extraction/html"), "*.html.gz").Order(StringComparer.Ordinal).ToList();
        files.ShouldNotBeEmpty();
        var titled = 0;
        foreach (var file in files)
        {
            var facts = PageFactsReader.Read(Pages.Parse(Pages.ReadGzip(file)), new Uri("https://corpus.example/" + Path.GetFileName(file)));
            if (!string.IsNullOrEmpty(facts.Title)) titled++;
            facts.Images.ShouldAllBe(i => i.Url.Scheme == "https" || i.Url.Scheme == "http");
        }

        titled.ShouldBeGreaterThan(files.Count * 9 / 10);
    }
}
