using Lede.Normalize;
using Lede.Records;
using Lede.Tests.Support;
using Lede.Web.Demo;

namespace Lede.EndToEnd.Tests;

/// <summary>lede sources, lede crawl and lede demo against the sample newsroom served on loopback.</summary>
public sealed class CrawlCommandTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("lede-crawl-").FullName;
    private MirrorSite _site = null!;

    public async Task InitializeAsync() => _site = await MirrorSite.StartAsync(Path.Combine(Repo.Root, "samples", "newsroom"), default);

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private Task<CliRun> Lede(params string[] args) => LedeCli.RunAsync(_work, args);

    private string Feed(string hostAndPath) => new Uri(_site.BaseAddress, hostAndPath).AbsoluteUri;

    [Fact]
    public async Task Loopback_sources_are_refused_unless_allowed()
    {
        await Lede("sources", "add", Feed("www.dailydot.com/feed.xml"));

        var refused = await Lede("crawl");
        var list = await Lede("sources", "list", "--json");

        refused.ExitCode.ShouldBe(0);
        refused.Stdout.ShouldContain("crawled 1 sources: 0 new articles, 0 already known, 1 sources failed");
        refused.Stderr.ShouldContain("127.0.0.1");
        list.Stdout.ShouldContain("\"consecutiveErrors\":1");
    }

    [Fact]
    public async Task Sources_list_shows_a_unicode_host_beside_its_punycode()
    {
        (await Lede("sources", "add", "https://bücher.example/feed")).ExitCode.ShouldBe(0);

        var table = await Lede("sources", "list");
        var json = await Lede("sources", "list", "--json");

        table.Stdout.ShouldContain("https://bücher.example/feed (xn--bcher-kva.example)");
        json.Stdout.ShouldContain("\"asciiHost\":\"xn--bcher-kva.example\"");
    }

    [Fact]
    public async Task The_image_cache_keeps_no_more_than_lede_yml_allows()
    {
        // The newsroom's lead images come to about 350 KB; a tenth of a megabyte holds only some of them.
        await File.WriteAllTextAsync(Path.Combine(_work, "lede.yml"), "images:\n  max_total_mb: 0.1\n  max_age_days: 30\n");

        var demo = await Lede("demo");

        demo.ExitCode.ShouldBe(0, demo.Stderr);
        var images = Directory.GetFiles(Path.Combine(_work, "data", "images"), "*", SearchOption.AllDirectories);
        images.ShouldNotBeEmpty();
        images.Sum(file => new FileInfo(file).Length).ShouldBeLessThanOrEqualTo(1024 * 1024 / 10);
    }

    [Theory]
    [InlineData("images:\n  max_total_mb: 0\n", "lede: ./lede.yml:2: expected images.max_total_mb to be 0.01–10000000 (megabytes), found '0'")]
    [InlineData("images:\n  max_age: 3\n", "lede: ./lede.yml:2: unknown images setting 'max_age' (known: max_total_mb, max_age_days)")]
    [InlineData("fetch:\n  image_timeout: 0.5\n", "lede: ./lede.yml:2: expected fetch.image_timeout to be 1–300 seconds, found '0.5'")]
    public async Task A_bad_image_setting_in_lede_yml_is_one_line_naming_it(string config, string error)
    {
        await File.WriteAllTextAsync(Path.Combine(_work, "lede.yml"), config);

        var run = await Lede("crawl");

        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldBe(error + "\n");
    }

    [Fact]
    public async Task A_crawl_stores_each_item_once_and_a_second_crawl_nothing()
    {
        await Lede("sources", "add", Feed("www.dailydot.com/feed.xml"));
        await Lede("sources", "add", Feed("newyork.cbslocal.com/feed.json"));
        await Lede("sources", "add", Feed("www.compsmag.com/feed.xml"));

        var first = await Lede("crawl", "--allow-private");
        var second = await Lede("crawl", "--allow-private", "--all");

        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldMatch(@"crawled 3 sources: [1-9][0-9]* new articles, 0 already known, 0 sources failed");
        second.Stdout.ShouldContain(" 0 new articles");
        var export = await Lede("records", "export", "out");
        export.ExitCode.ShouldBe(0, export.Stderr);
        Directory.GetFiles(Path.Combine(_work, "out")).Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Sources_round_trip_through_OPML()
    {
        var import = await Lede("sources", "import", Path.Combine(Repo.Root, "samples", "newsroom", "sources.opml"));
        var again = await Lede("sources", "import", Path.Combine(Repo.Root, "samples", "newsroom", "sources.opml"));
        await Lede("sources", "export", "--out", "exported.opml");
        var reimport = await Lede("sources", "import", "exported.opml", "--db", "other.db");

        import.ShouldBe(new CliRun(0, "added 13 sources, 0 already followed, 0 skipped\n", ""));
        again.Stdout.ShouldBe("added 0 sources, 13 already followed, 0 skipped\n");
        reimport.Stdout.ShouldBe("added 13 sources, 0 already followed, 0 skipped\n");
    }

    [Fact]
    public async Task The_demo_crawls_the_newsroom_once_and_a_second_run_adds_nothing()
    {
        var first = await Lede("demo");
        var second = await Lede("demo");

        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldContain("crawled 13 sources: 72 new articles, 0 already known, 0 sources failed");
        second.Stdout.ShouldContain("crawled 13 sources: 0 new articles, 0 already known, 0 sources failed");
        var check = await Lede("records", "export", "out");
        check.ExitCode.ShouldBe(0);
        // Two newsroom items are syndicated copies (the AP Tesla story at WEAU, a Press Herald story in the Kennebec
        // Journal, same owner): held as copies, not exported.
        (await Lede("records", "check", "out")).Stdout.ShouldEndWith("checked 70 files, 0 problems\n");
        // What the boilerplate detector learned stays for the next crawl.
        (await File.ReadAllTextAsync(Path.Combine(_work, "data", "boilerplate.json"))).ShouldContain("\"amnesty.org.uk\"");
        await The_newsroom_records_carry_the_facts_of_the_spec_records();
        await Coverage_of_one_event_is_related_and_nothing_else();
        await Editors_decide_and_explain_says_why();
        await Full_text_is_sealed_and_survives_a_key_rotation();
    }

    private async Task Editors_decide_and_explain_says_why()
    {
        // The UN moratorium article of the spec records; export names files NNN_<id>.txt.
        var file = Directory.GetFiles(Path.Combine(_work, "out"))
            .Single(f => File.ReadAllText(f).Contains("\nwebUrl: \"https://www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/\"", StringComparison.Ordinal));
        var id = Path.GetFileNameWithoutExtension(file)[^16..];
        var before = await Lede("explain", id);
        var rejectWithoutReason = await Lede("reject", id);
        var rejected = await Lede("reject", id, "--by", "bo", "--why", "old news");
        var afterReject = await Lede("explain", id);
        var published = await Lede("publish", id, "--by", "ana", "--why", "lead story");
        var after = await Lede("explain", id);
        var json = await Lede("explain", id, "--json");

        before.ExitCode.ShouldBe(0, before.Stderr);
        before.Stdout.ShouldContain("UN calls for immediate halt to use of facial recognition");
        before.Stdout.ShouldMatch(@"(?m)^story \d+: (joined|opened it)");
        before.Stdout.ShouldMatch(@"(?m)^quality \d+:\n  [+-]\d+ source-prior");
        before.Stdout.ShouldMatch(@"(?m)^heat \d+:\n  providers: \d+ distinct");
        // The demo's rules (quality at least 50, topic AI) judge it until an editor decides.
        before.Stdout.ShouldMatch(@"(?m)^published: (yes|no)\n  rules: (pass|fail): quality \d+");
        rejectWithoutReason.ExitCode.ShouldBe(2);
        rejected.ExitCode.ShouldBe(0, rejected.Stderr);
        afterReject.Stdout.ShouldContain("published: no\n  editor (outranks the rules): reject by bo");
        published.ExitCode.ShouldBe(0, published.Stderr);
        published.Stdout.ShouldMatch(@"^[0-9a-f]{16}: publish by ana at \d{4}-\d\d-\d\d \d\d:\d\dZ: lead story\n$");
        after.Stdout.ShouldContain("published: yes\n  editor (outranks the rules): publish by ana");
        after.Stdout.ShouldContain("    earlier: reject by bo");
        json.Stdout.ShouldContain("\"decisions\"");
        (await Lede("explain", "0000000000000001")).Stderr.ShouldBe("lede: there is no article 0000000000000001\n");
    }

    /// <summary>The newsroom's stories: each event's coverage related across providers, symmetric, nothing related by topic alone.</summary>
    private async Task Coverage_of_one_event_is_related_and_nothing_else()
    {
        var records = new List<ArticleRecord>();
        foreach (var file in Directory.GetFiles(Path.Combine(_work, "out")))
        {
            records.Add((await RecordReader.ReadFileAsync(file, default)).Record!);
        }

        ArticleRecord Find(string part) => records.Single(r => r.WebUrl.Contains(part, StringComparison.Ordinal));
        bool Related(ArticleRecord a, ArticleRecord b) => a.Related.Any(r => r.WebUrl == b.WebUrl);
        void ShouldBeRelated(string a, string b)
        {
            Related(Find(a), Find(b)).ShouldBeTrue($"{a} should list {b}");
            Related(Find(b), Find(a)).ShouldBeTrue($"{b} should list {a}");
        }

        ShouldBeRelated("pressherald.com/2021/04/19/waterville", "centralmaine.com/2021/04/19/waterville");
        ShouldBeRelated("fox9.com/news/proposed-ban-on-facial-recognition", "weau.com/2021/01/24/ban-on-facial-recognition");
        ShouldBeRelated("dailydot.com/debug/un-calls-facial-recognition", "ifex.org/unregulated-use-of-facial-recognition");
        // A copy is no related coverage: the AP story is shown once, through its first publisher.
        records.ShouldNotContain(r => r.Title.Contains("Tesla", StringComparison.Ordinal) && r.Provider.Domain == "weau.com");
        var teaching = Find("ai-technology-a-disrupter-to-teaching");
        teaching.Related.ShouldBeEmpty();
        records.ShouldAllBe(r => r.Related.All(e => e.WebUrl != teaching.WebUrl));
        foreach (var record in records)
        {
            record.Related.Count.ShouldBeLessThanOrEqualTo(5);
            foreach (var other in record.Related.Select(e => records.Single(o => o.WebUrl == e.WebUrl)))
            {
                Related(other, record).ShouldBeTrue($"{other.WebUrl} should list {record.WebUrl}");
                // Heat is the story's: every article of a story carries the same.
                other.Heat.ShouldBe(record.Heat, record.WebUrl);
            }

            record.Quality.ShouldBeInRange(0, 100);
        }

        records.Count(r => r.Heat >= 0).ShouldBeGreaterThan(records.Count / 2);
    }

    /// <summary>The spec records' facts (URLs, AMP cache URLs, provider, type, dates, lead image) come out of the crawl.</summary>
    private async Task The_newsroom_records_carry_the_facts_of_the_spec_records()
    {
        var crawled = new Dictionary<string, ArticleRecord>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(_work, "out")))
        {
            var record = (await RecordReader.ReadFileAsync(file, default)).Record!;
            crawled[record.WebUrl] = record;
        }

        // Off-topic newsroom items (sports, recipes, weather) get no AI topic.
        crawled.Values.Where(r => r.WebUrl.Contains("/sports/", StringComparison.Ordinal) || r.WebUrl.Contains("recipe", StringComparison.Ordinal))
            .ShouldAllBe(r => !r.Topics.Contains("AI", StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(Repo.Shared("spec/records"), "*.txt"))
        {
            var spec = (await RecordReader.ReadFileAsync(file, default)).Record!;
            var ours = crawled[spec.WebUrl];
            (ours.Title, ours.OriginalUrl, ours.AmpWebUrl, ours.CdnAmpWebUrl, ours.Type, ours.PublishedDateTime, ours.Provider)
                .ShouldBe((spec.Title, spec.OriginalUrl, spec.AmpWebUrl, spec.CdnAmpWebUrl, spec.Type, spec.PublishedDateTime, spec.Provider), file);
            ours.Images.ShouldBe(spec.Images, file);
            ours.Topics.ShouldContain(t => t == "AI", file);
            ours.Topics.ShouldContain(t => t == "Computer Vision", file);
            if (spec.Excerpt.StartsWith("We are Amnesty International UK", StringComparison.Ordinal))
            {
                // The site's boilerplate, on every Amnesty UK page: Lede takes the article's lead instead.
                ours.Excerpt.ShouldStartWith("Amnesty International has launched a global campaign");
            }
            else
            {
                // The records keep mojibake ("website â€” waterville-me.gov"); Lede repairs it.
                ours.Excerpt.ShouldBe(Mojibake.Repair(spec.Excerpt), file);
            }

            foreach (var related in spec.Related)
            {
                var other = crawled[related.WebUrl];
                (other.Title, other.Excerpt, other.PublishedDateTime, other.AmpWebUrl, other.CdnAmpWebUrl, other.Provider.Domain)
                    .ShouldBe((related.Title, Mojibake.Repair(related.Excerpt), related.PublishedDateTime, related.AmpWebUrl, related.CdnAmpWebUrl, related.Provider.Domain), related.WebUrl);
                other.Images.ShouldBe(related.Images, related.WebUrl);
                // Two record names are section names, not the site's: compsmag.com "Windows", biometricupdate.com "Biometric Companies".
                other.Provider.Name.ShouldBe(related.Provider.Domain switch
                {
                    "compsmag.com" => "Compsmag",
                    "biometricupdate.com" => "Biometric Update",
                    _ => related.Provider.Name,
                });
            }
        }
    }

    private async Task Full_text_is_sealed_and_survives_a_key_rotation()
    {
        var id = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(_work, "out"), "*.txt")[0])[4..];

        var shown = await Lede("secured", "show", id);
        var rotated = await Lede("keys", "rotate");
        var again = await Lede("secured", "show", id);

        shown.ExitCode.ShouldBe(0, shown.Stderr);
        shown.Stdout.Length.ShouldBeGreaterThan(200);
        rotated.Stdout.ShouldMatch(@"^re-sealed 72 payloads under key [0-9a-f]{12}; 0 could not be opened; removed 1 unused keys\n$");
        again.Stdout.ShouldBe(shown.Stdout);
        File.ReadAllLines(Path.Combine(_work, "lede.keys")).Count(l => !l.StartsWith('#')).ShouldBe(1);
        (await Lede("secured", "show", id, "--keys", "elsewhere.keys")).Stderr.ShouldStartWith("lede: no key: elsewhere.keys does not exist");
    }
}
