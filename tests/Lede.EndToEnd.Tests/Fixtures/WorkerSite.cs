using Lede.Web.Demo;

namespace Lede.EndToEnd.Tests.Fixtures;

/// <summary>
/// What the worker tests share: a work folder whose lede.yml points at a fresh PostgreSQL database, and a loopback site
/// served from its <c>site</c> folder (every host one address, so the workers may press it harder than a real host).
/// </summary>
public sealed class WorkerSite : IAsyncDisposable
{
    private WorkerSite(string work, PostgresScratch database, MirrorSite site)
    {
        Work = work;
        Database = database;
        Site = site;
    }

    public string Work { get; }
    public PostgresScratch Database { get; }
    public MirrorSite Site { get; }

    /// <summary>The folder the site serves.</summary>
    public string SiteFolder => Path.Combine(Work, "site");

    public static async Task<WorkerSite> StartAsync(string prefix)
    {
        var work = Directory.CreateTempSubdirectory(prefix).FullName;
        var database = PostgresScratch.Create();
        Directory.CreateDirectory(Path.Combine(work, "site"));
        var site = await MirrorSite.StartAsync(Path.Combine(work, "site"), default);
        await File.WriteAllTextAsync(Path.Combine(work, "lede.yml"),
            $"db: \"{database.ConnectionString}\"\nfetch:\n  per_host_concurrency: 8\n  per_host_delay: 0\n");
        return new WorkerSite(work, database, site);
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        Database.Dispose();
        Directory.Delete(Work, recursive: true);
    }
}
