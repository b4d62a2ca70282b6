using System.CommandLine;
using Lede.Classify;
using Lede.Decide;
using Lede.Enrich;
using Lede.Fetch;
using Lede.Normalize;
using Lede.Pipeline;
using Lede.Store;

namespace Lede.Cli;

/// <summary>Builds the crawl's article stages for a command: page enrichment, the image cache beside the database, and the key.</summary>
internal static class ArticleSetup
{
    /// <summary>The article builder; without a key the full text is not kept, and a note says so once.</summary>
    /// <param name="global">The global options (the key file).</param>
    /// <param name="parse">The command line.</param>
    /// <param name="fetcher">The safe client, for pages and images.</param>
    /// <param name="db">The database, beside which the image cache lives.</param>
    /// <param name="createKey">Create the key file when there is none (the demo), instead of going without.</param>
    /// <returns>The builder, the key's box (null without a key), and what to call once the crawl is over (it keeps what the crawl learned).</returns>
    public static (ArticleBuilder Articles, SecuredBox? Box, Action Finish) Create(GlobalOptions global, ParseResult parse, IFetcher fetcher, string db, bool createKey)
    {
        var keyFile = global.ResolveKeys(parse);
        var ring = KeyRing.Load(keyFile);
        if (ring is null && createKey)
        {
            var key = SecuredKey.New(out var text);
            KeyFile.Write(keyFile, [text]);
            Console.WriteLine($"created {keyFile} with {key} to encrypt full text (keep it secret and backed up)");
            ring = KeyRing.Load(keyFile);
        }
        else if (ring is null)
        {
            Console.Error.WriteLine($"lede: no key ({keyFile} or {KeyRing.EnvironmentVariable}): articles' full text is not kept; 'lede keys new' creates one");
        }

        var images = new ImageCache(fetcher, (global.Configuration(parse).Images ?? new ImageCacheOptions()) with { Root = DataFolder(db) });
        var boilerplatePath = Path.Combine(DataFolder(db), "boilerplate.json");
        var boilerplate = BoilerplateFile.Load(boilerplatePath);
        var taxonomy = global.Configuration(parse).Topics ?? Taxonomy.Default;
        var normalizer = new ArticleNormalizer(new ProviderNamer(), boilerplate, PublicSuffixList.Default);
        var box = ring is null ? null : new SecuredBox(ring);
        var articles = new ArticleBuilder(normalizer, new PageEnricher(fetcher), images, box, new TopicClassifier(taxonomy));
        return (articles, box, () => BoilerplateFile.Save(boilerplate, boilerplatePath));
    }

    /// <summary>The story stages with the configuration's publishing rules (else <paramref name="fallback"/>), warmed with the stored window.</summary>
    public static Task<Curator> CuratorAsync(GlobalOptions global, ParseResult parse, IStore store, SecuredBox? box, PublishRules fallback, CancellationToken ct)
    {
        var configured = global.Configuration(parse).Publish;
        var rules = configured is null || !configured.Enabled && fallback.Enabled ? fallback : configured;
        return Curator.OpenAsync(store, box, new CuratorOptions { Publish = rules }, TimeProvider.System, ct);
    }

    /// <summary>The folder the database lives in, where the image cache goes too (<c>data/images</c> by default).</summary>
    private static string DataFolder(string db)
        => Storage.StoreFactory.IsPostgres(db) ? "data" : Path.GetDirectoryName(Path.GetFullPath(db)) ?? "data";
}
