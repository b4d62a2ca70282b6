using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Lede.Web.Demo;

/// <summary>A loopback web server that plays many sites from one folder: <c>/{host}/{path}</c> serves <c>{folder}/{host}/{path}</c>.</summary>
/// <remarks>
/// The sample newsroom (samples/newsroom, see its README) is written this way. A trailing slash serves <c>index.html</c>;
/// a file without an extension is HTML; <c>path?q</c> serves <c>path@q.ext</c> when that file exists. Static files
/// answer conditional requests (ETag, Last-Modified → 304) as real sites do.
/// </remarks>
public sealed class MirrorSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MirrorSite(WebApplication app, string folder)
    {
        _app = app;
        Folder = folder;
    }

    public string Folder { get; }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress => new(_app.Urls.Single().TrimEnd('/') + "/");

    /// <summary>The hosts the folder holds: its subfolders' names.</summary>
    public IReadOnlySet<string> Hosts => Directory.GetDirectories(Folder).Select(Path.GetFileName).OfType<string>()
        .Where(h => h.Contains('.', StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts serving <paramref name="folder"/> on a free loopback port.</summary>
    public static async Task<MirrorSite> StartAsync(string folder, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var files = new PhysicalFileProvider(Path.GetFullPath(folder));
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".xml"] = "application/xml; charset=utf-8";
        types.Mappings[".rss"] = "application/rss+xml";
        types.Mappings[".atom"] = "application/atom+xml";
        types.Mappings[".json"] = "application/feed+json";
        types.Mappings[".opml"] = "text/x-opml";
        types.Mappings[".amp"] = "text/html; charset=utf-8";
        // Two URLs that differ only in their query (a page and its ?amp version) are two files: name@query.ext.
        app.Use((context, next) =>
        {
            if (context.Request.QueryString is { HasValue: true } query)
            {
                var path = context.Request.Path.Value ?? "/";
                var file = path.EndsWith('/') ? path + "index.html" : path;
                var extension = Path.GetExtension(file);
                var variant = $"{file[..^extension.Length]}@{query.Value![1..]}{extension}";
                if (files.GetFileInfo(variant).Exists)
                {
                    context.Request.Path = variant;
                }
            }

            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            ServeUnknownFileTypes = true,
            DefaultContentType = "text/html; charset=utf-8",
        });
        await app.StartAsync(ct).ConfigureAwait(false);
        return new MirrorSite(app, Path.GetFullPath(folder));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
