using System.CommandLine;
using System.Text.Json;
using Lede.Enrich;
using Lede.Fetch;
using Lede.Normalize;
using Lede.Records;

namespace Lede.Cli;

/// <summary><c>lede page extract FILE|URL...</c>: runs the enrich and normalize stages alone on pages and prints what they found.</summary>
internal static class PageExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("FILE|URL") { Description = "Pages: .html or .html.gz files, or http(s) URLs", Arity = ArgumentArity.ZeroOrMore };
        var url = new Option<string?>("--url") { Description = "The URL a single FILE was fetched from (resolves its relative links)", HelpName = "URL" };
        var manifest = new Option<string?>("--manifest") { Description = "JSON lines {\"file\": …, \"url\": …}; files relative to the manifest", HelpName = "M.jsonl" };
        var jsonl = new Option<bool>("--jsonl") { Description = "One compact JSON object per line instead of pretty JSON" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow URLs on loopback and private networks" };
        var command = new Command("extract", """
            Read article pages and print, per page: canonical, AMP and AMP-cache URLs, title, excerpt, main text,
            dates, authors, site name, provider, language, type, images and warnings. A page that cannot be read
            prints {"file":…,"error":…} and the rest go on; exits 1 if any failed.
            """) { inputs, url, manifest, jsonl, allowPrivate };
        command.SetAction(async (parse, ct) =>
        {
            var pages = Pages(parse.GetValue(inputs) ?? [], parse.GetValue(url), parse.GetValue(manifest));
            using var fetcher = new Fetcher(new FetchOptions { AllowPrivate = parse.GetValue(allowPrivate) });
            var normalizer = ArticleNormalizer.Default();
            var read = new List<(string Input, EnrichedPage? Page, string? Error, List<string> Warnings)>();
            foreach (var (input, pageUrl) in pages)
            {
                var warnings = new List<string>();
                var (page, error) = await ReadAsync(input, pageUrl, fetcher, warnings, ct);
                read.Add((input, page, error, warnings));
                if (page is not null)
                {
                    // Every page is seen before any excerpt is chosen, so a site's boilerplate is known from its first page.
                    normalizer.Observe(Seed(page), null, page);
                }
            }

            var options = parse.GetValue(jsonl) ? CliJson.Options : new JsonSerializerOptions(CliJson.Options) { WriteIndented = true };
            foreach (var (input, page, error, warnings) in read)
            {
                object output = page is null ? new { file = input, error } : Describe(input, page, normalizer, warnings);
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(output, options));
            }

            return read.Exists(r => r.Page is null) ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }

    private static List<(string Input, Uri? Url)> Pages(string[] inputs, string? url, string? manifest)
    {
        if (url is not null && (inputs.Length != 1 || manifest is not null))
        {
            throw new CliException("--url goes with exactly one FILE");
        }

        Uri? given = null;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out given))
        {
            throw new CliException($"--url {url} is not an absolute URL");
        }

        var pages = inputs.Select(i => (i, given)).ToList();
        if (manifest is not null)
        {
            pages.AddRange(PageFiles.ReadManifest(manifest).Select(e => (e.File, e.Url)));
        }

        return pages.Count > 0 ? pages : throw new CliException("give pages: FILE|URL... or --manifest M.jsonl");
    }

    private static async Task<(EnrichedPage? Page, string? Error)> ReadAsync(string input, Uri? url, IFetcher fetcher, List<string> warnings, CancellationToken ct)
    {
        if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(input, UriKind.Absolute, out var address))
            {
                return (null, $"{input} is not a URL");
            }

            var page = await new PageEnricher(fetcher).EnrichAsync(address, warnings, ct);
            return page is null ? (null, warnings.LastOrDefault() ?? "page not read") : (page, null);
        }

        byte[] bytes;
        try
        {
            bytes = PageFiles.Read(input);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return (null, $"cannot read {input}: {e.Message}");
        }

        var pageUrl = url ?? new Uri(Path.GetFullPath(input));
        var loaded = HtmlPageLoader.Load(bytes);
        warnings.AddRange(loaded.Warnings);
        var facts = PageFactsReader.Read(loaded.Document, pageUrl);
        var text = ArticleExtractor.Extract(loaded.Document, pageUrl);
        warnings.AddRange(facts.Warnings.Concat(text.Warnings));
        return (new EnrichedPage(pageUrl, facts, text), null);
    }

    /// <summary>A feed record with nothing but the page's address and date, so the page goes through the crawl's normalizer.</summary>
    private static ArticleRecord Seed(EnrichedPage page) => new()
    {
        Title = "",
        Excerpt = "",
        PublishedDateTime = page.Facts.PublishedUtc ?? DateTime.UnixEpoch,
        OriginalUrl = page.FinalUrl.AbsoluteUri,
        WebUrl = page.FinalUrl.AbsoluteUri,
        Provider = new ProviderRef("", page.FinalUrl.Host),
    };

    private static object Describe(string input, EnrichedPage page, ArticleNormalizer normalizer, List<string> warnings)
    {
        var facts = page.Facts;
        var article = normalizer.Normalize(Seed(page), feedTitle: null, feedDescription: null, page);
        var record = article.Record;
        return new
        {
            file = input,
            url = page.FinalUrl.AbsoluteUri,
            canonicalUrl = record.WebUrl,
            ampUrl = record.AmpWebUrl,
            cdnAmpUrl = record.CdnAmpWebUrl,
            title = record.Title,
            excerpt = record.Excerpt,
            text = page.Text.Text,
            publishedDateTime = facts.PublishedUtc,
            modifiedDateTime = facts.ModifiedUtc,
            authors = facts.Authors,
            siteName = facts.SiteName,
            provider = new { name = record.Provider.Name, domain = record.Provider.Domain },
            language = facts.Language,
            type = record.Type == ArticleType.Video ? "video" : "article",
            images = facts.Images.Select(i => new { url = i.Url.OriginalString, width = i.Width, height = i.Height }),
            warnings = warnings.Concat(article.Warnings),
        };
    }
}
