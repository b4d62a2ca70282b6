namespace Lede.EndToEnd.Tests;

public sealed class UsageTests
{
    private static Task<CliRun> Lede(params string[] args) => LedeCli.RunAsync(Path.GetTempPath(), args);

    [Theory]
    [InlineData("records", "bogus")]
    [InlineData("records", "export")]
    [InlineData("records", "export", "x", "--layout", "tree")]
    [InlineData("records", "import", "--no-such-option", "x")]
    public async Task Bad_usage_exits_2_with_one_line_on_stderr(params string[] args)
    {
        var run = await Lede(args);

        run.ExitCode.ShouldBe(2);
        run.Stdout.ShouldBeEmpty();
        run.Stderr.ShouldStartWith("lede: ");
        run.Stderr.TrimEnd('\n').ShouldNotContain('\n');
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("records", "--help")]
    [InlineData("records", "import", "--help")]
    [InlineData("records", "export", "--help")]
    [InlineData("records", "check", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        var run = await Lede(args);

        run.ExitCode.ShouldBe(0);
        run.Stdout.ShouldContain("Usage:");
        run.Stdout.ShouldContain("--db");
    }

    [Fact]
    public async Task A_command_group_without_its_verb_shows_its_help_and_exits_2()
    {
        var run = await Lede("records");

        run.ExitCode.ShouldBe(2);
        run.Stdout.ShouldContain("import");
    }

    [Fact]
    public async Task A_failure_is_one_line_on_stderr_with_exit_1()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-lede.yml");

        var run = await Lede("records", "export", "x", "--config", missing);

        run.ShouldBe(new CliRun(1, "", $"lede: config file {missing} does not exist\n"));
    }

    [Fact]
    public async Task Importing_a_missing_path_fails_that_path_only()
    {
        var dir = Directory.CreateTempSubdirectory("lede-import-").FullName;
        var run = await Lede("records", "import", "/no/such/records", "--db", Path.Combine(dir, "lede.db"));
        Directory.Delete(dir, recursive: true);

        run.ShouldBe(new CliRun(1, "imported 0, updated 0, failed 1 (0 unchanged)\n", "/no/such/records: no such file or folder\n"));
    }

    [Fact]
    public async Task A_bad_topic_in_the_config_is_one_line_naming_the_file_and_topic()
    {
        var dir = Directory.CreateTempSubdirectory("lede-config-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "lede.yml"), "topics:\n  Robotics:\n    phrases:\n      robot: lots\n");

        var run = await LedeCli.RunAsync(dir, "records", "export", "out");

        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldStartWith("lede: ./lede.yml:");
        run.Stderr.ShouldContain("Robotics");
        run.Stderr.TrimEnd('\n').ShouldNotContain('\n');
        Directory.Delete(dir, recursive: true);
    }
}
