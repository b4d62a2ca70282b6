using System.Security.Cryptography;
using Lede.Fetch;

namespace Lede.Enrich;

/// <summary>Downloads chosen images through the safe fetcher and keeps them content-addressed: the same bytes are stored once.</summary>
/// <remarks>
/// Only JPEG, PNG, GIF, WebP and AVIF are kept, recognised from their bytes. SVG is refused (it can carry scripts),
/// ICO and BMP too (icons and uncompressed bitmaps are never article pictures), and so is anything over
/// <see cref="ImageCacheOptions.MaxPixels"/>. Files are written to a temporary name and renamed, so a reader never sees half a file;
/// one instance may be shared by concurrent callers. The folder stays within <see cref="ImageCacheOptions.MaxTotalBytes"/>
/// and <see cref="ImageCacheOptions.MaxAge"/>: the oldest images (least recently stored or reused) go first.
/// </remarks>
public sealed class ImageCache
{
    private readonly IFetcher _fetcher;
    private readonly ImageCacheOptions _options;
    private readonly ImageCacheSweeper _sweeper;

    /// <summary>A cache under <see cref="ImageCacheOptions.Root"/>; <paramref name="time"/> dates the files for expiry (the system clock when null).</summary>
    public ImageCache(IFetcher fetcher, ImageCacheOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _fetcher = fetcher;
        _options = options;
        _sweeper = new ImageCacheSweeper(Folder, options, time ?? TimeProvider.System);
    }

    /// <summary>The folder images are stored under: <c>&lt;Root&gt;/images</c>.</summary>
    public string Folder => System.IO.Path.Combine(_options.Root, "images");

    /// <summary>Deletes expired images, then the oldest while the folder is over its quota; also done on its own while storing.</summary>
    public ImageSweep Sweep() => _sweeper.Sweep();

    /// <summary>Fetches an image (10 MiB limit, see <see cref="FetchOptions.MaxImageBytes"/>) and stores it; a failure is a warning in the result, not an exception.</summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="ct"/> is cancelled.</exception>
    public async Task<CachedImage> CacheAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        FetchResponse response;
        try
        {
            response = await _fetcher.FetchAsync(new FetchRequest(url, FetchKind.Image), ct).ConfigureAwait(false);
        }
        catch (FetchException e)
        {
            return Refused(url, ImageFormat.Unknown, $"image: {url} not fetched: {e.Failure}{(e.Status is { } s ? $" {s}" : "")} ({e.Message})");
        }

        if (response.NotModified || response.Body.Length == 0) return Refused(url, ImageFormat.Unknown, $"image: {url} returned no bytes");
        return await StoreAsync(url, response.Body, response.ContentType, ct).ConfigureAwait(false);
    }

    /// <summary>Checks and stores bytes already in hand (the <paramref name="contentType"/> is only quoted in warnings).</summary>
    public async Task<CachedImage> StoreAsync(Uri url, byte[] bytes, string? contentType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(bytes);
        var format = ImageHeader.Sniff(bytes);
        switch (format)
        {
            case ImageFormat.Unknown:
                return Refused(url, format, $"image: {url} is not an image (its bytes match no image format; the server said {contentType ?? "no type"})");
            case ImageFormat.Svg:
                return Refused(url, format, $"image: {url} is SVG, which can carry scripts; not cached");
            case ImageFormat.Ico or ImageFormat.Bmp:
                return Refused(url, format, $"image: {url} is {format}, not an article picture; not cached");
        }

        if (!ImageHeader.TryRead(bytes, out var size))
        {
            return Refused(url, format, $"image: {url} looks like {format} but its header gives no size; not cached");
        }

        if (size.Pixels > _options.MaxPixels)
        {
            return Refused(url, format, $"image: {url} is {size.Width}×{size.Height} = {size.Pixels} pixels, over the limit of {_options.MaxPixels}; not cached") with { Width = size.Width, Height = size.Height };
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = System.IO.Path.Combine(Folder, sha[..2], $"{sha}.{ImageHeader.Extension(format)}");
        var warnings = new List<string>();
        try
        {
            if (await WriteOnceAsync(path, bytes, ct).ConfigureAwait(false)) _sweeper.Added(bytes.Length);
            else _sweeper.Touch(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"image: {url} could not be stored at {path}: {e.Message}");
        }

        var cached = File.Exists(path);
        return new CachedImage(url, cached, format, size.Width, size.Height, sha, cached ? path : null, warnings);
    }

    /// <summary>Writes a temporary file beside the target and renames it; an existing file (same hash, same bytes) is left alone.</summary>
    /// <returns>True when this call added the file.</returns>
    private async Task<bool> WriteOnceAsync(string path, byte[] bytes, CancellationToken ct)
    {
        if (File.Exists(path)) return false;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, ct).ConfigureAwait(false);
            try
            {
                File.Move(temp, path, overwrite: false);
                // Dated by the cache's clock, which decides expiry (the file system's may differ in tests).
                File.SetLastWriteTimeUtc(path, _sweeper.Now.UtcDateTime);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another writer stored the same bytes first: content addressing makes theirs as good as ours.
                return false;
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static CachedImage Refused(Uri url, ImageFormat format, string warning)
        => new(url, false, format, null, null, null, null, [warning]);
}
