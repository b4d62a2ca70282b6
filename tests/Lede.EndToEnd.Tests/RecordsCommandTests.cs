using Lede.Tests.Support;

namespace Lede.EndToEnd.Tests;

public sealed class RecordsCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lede-e2e-").FullName;
    private static string SampleFolder => Repo.Shared("spec/records");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private Task<CliRun> Lede(params string[] args) => LedeCli.RunAsync(_work, args);

    [Fact]
    public async Task Importing_and_exporting_the_samples_reproduces_them_byte_for_byte()
    {
        var db = Path.Combine(_work, "x.db");

        var import = await Lede("records", "import", SampleFolder, "--db", db);
        var export = await Lede("records", "export", Path.Combine(_work, "out"), "--db", db, "--order", "imported");

        import.ShouldBe(new CliRun(0, "imported 5, updated 0, failed 0 (0 unchanged)\n", ""));
        export.ExitCode.ShouldBe(0, export.Stderr);
        var expected = Directory.GetFiles(SampleFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Directory.GetFiles(Path.Combine(_work, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(expected);
        foreach (var name in expected)
        {
            File.ReadAllBytes(Path.Combine(_work, "out", name!)).ShouldBe(File.ReadAllBytes(Path.Combine(SampleFolder, name!)), name);
        }
    }

    [Fact]
    public async Task Importing_twice_changes_nothing()
    {
        await Lede("records", "import", SampleFolder);

        var again = await Lede("records", "import", SampleFolder);

        again.ShouldBe(new CliRun(0, "imported 0, updated 0, failed 0 (5 unchanged)\n", ""));
        File.Exists(Path.Combine(_work, "data", "lede.db")).ShouldBeTrue("the default database is ./data/lede.db");
    }

    [Fact]
    public async Task A_bad_file_is_reported_with_its_line_and_the_rest_are_imported()
    {
        var input = Directory.CreateDirectory(Path.Combine(_work, "in")).FullName;
        foreach (var file in Directory.GetFiles(SampleFolder))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        var broken = File.ReadAllText(Path.Combine(SampleFolder, "001_944ab56ac52e7950.txt")).Replace("quality: 33", "quality: high", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(input, "001_944ab56ac52e7950.txt"), broken);

        var run = await Lede("records", "import", input);

        run.ExitCode.ShouldBe(1);
        run.Stdout.ShouldBe("imported 4, updated 0, failed 1 (0 unchanged)\n");
        run.Stderr.ShouldBe($"{Path.Combine(input, "001_944ab56ac52e7950.txt")}:9: expected an integer for 'quality:', found 'high'\n");
    }

    [Fact]
    public async Task Check_passes_the_samples_and_names_each_problem_in_a_broken_set()
    {
        var good = await Lede("records", "check", SampleFolder);
        good.ShouldBe(new CliRun(0, "checked 5 files, 0 problems\n", ""));

        var input = Directory.CreateDirectory(Path.Combine(_work, "in")).FullName;
        var sample = File.ReadAllText(Path.Combine(SampleFolder, "000_02ffa5deb697b13d.txt"));
        File.WriteAllText(Path.Combine(input, "000_02ffa5deb697b13d.txt"), sample.Replace("name: IFEX", "name: \"IFEX\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(input, "001_944ab56ac52e7950.txt"), sample.Replace("heat: 69", "heat: -2", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(input, "notes.txt"), sample.Replace("https://www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/\"\nwebUrl", "not a url\"\nwebUrl", StringComparison.Ordinal)
            .Replace("webUrl: \"https://www.dailydot.com/debug/", "webUrl: \"https://www.dailydot.com/other/", StringComparison.Ordinal));

        var bad = await Lede("records", "check", input);

        bad.ExitCode.ShouldBe(1);
        bad.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            $"{input}/000_02ffa5deb697b13d.txt:36: not in canonical form: expected '      name: IFEX'",
            $"{input}/001_944ab56ac52e7950.txt:12: expected 'heat:' to be -1 or more, found -2",
            $"{input}/notes.txt:6: originalUrl: expected an absolute http(s) URL, found 'not a url'",
            $"{input}/notes.txt: expected a file name like NNN_<16 lowercase hex digits>.txt",
            "checked 3 files, 4 problems",
        ]);
    }

    [Fact]
    public async Task Jekyll_export_writes_a_news_collection_that_checks_and_imports()
    {
        await Lede("records", "import", SampleFolder);

        var export = await Lede("records", "export", "site", "--layout", "jekyll");

        export.ExitCode.ShouldBe(0, export.Stderr);
        Directory.GetFiles(Path.Combine(_work, "site", "_news")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe([
            "2021-01-26-call-to-ban-facial-recognition-technology-that-amplifies.md",
            "2021-04-15-human-rights-organizations-call-for-corporate-ban-on-facial.md",
            "2021-08-22-pi-and-30-csos-unite-against-use-of-live-facial-recognition.md",
            "2021-09-16-un-calls-for-immediate-halt-to-use-of-facial-recognition.md",
            "2021-09-20-unregulated-use-of-facial-recognition-technology-continues.md",
        ]);
        (await Lede("records", "check", "site")).ExitCode.ShouldBe(0);
        (await Lede("records", "import", "site", "--db", "other.db")).Stdout.ShouldBe("imported 5, updated 0, failed 0 (0 unchanged)\n");
    }

    [Fact]
    public async Task Export_orders_by_publication_time_unless_told_otherwise()
    {
        await Lede("records", "import", SampleFolder);

        await Lede("records", "export", "out");

        Directory.GetFiles(Path.Combine(_work, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe([
            "000_111fe9461b324c6b.txt", "001_21a449b0eb30def7.txt", "002_8422dcafe3c997d5.txt",
            "003_02ffa5deb697b13d.txt", "004_944ab56ac52e7950.txt",
        ]);
    }

    [Fact]
    public async Task The_database_can_come_from_lede_yml()
    {
        File.WriteAllText(Path.Combine(_work, "lede.yml"), "db: from-config.db\n");

        await Lede("records", "import", SampleFolder);

        File.Exists(Path.Combine(_work, "from-config.db")).ShouldBeTrue();
        File.Exists(Path.Combine(_work, "data", "lede.db")).ShouldBeFalse();
    }
}
