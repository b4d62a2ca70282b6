namespace Lede.Enrich;

/// <summary>Keeps the image folder within its quota and age: a sweep on first use, every <see cref="ImageCacheOptions.SweepInterval"/>, and whenever a write takes it over the quota.</summary>
/// <remarks>
/// The running total is counted from the folder at each sweep and kept up to date by each write in between, so a write costs no
/// directory scan. Age is the file's last write time: storing or reusing an image renews it, so the oldest are the least used.
/// </remarks>
internal sealed class ImageCacheSweeper(string folder, ImageCacheOptions options, TimeProvider time)
{
    // A temporary file this old belongs to a writer that died; a live writer renames its file within moments.
    private static readonly TimeSpan StaleTemp = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private long _total = -1;
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Counts a file just written and sweeps when one is due.</summary>
    public void Added(long bytes)
    {
        bool due;
        lock (_lock)
        {
            if (_total >= 0) _total += bytes;
            due = _total < 0 || _total > options.MaxTotalBytes || Now - _lastSweep >= options.SweepInterval;
        }

        if (due) Sweep();
    }

    /// <summary>Deletes expired images, then the oldest until the cache is at 90 % of its quota when it was over it.</summary>
    public ImageSweep Sweep()
    {
        lock (_lock)
        {
            var now = Now;
            var files = new List<(FileInfo File, long Length, DateTime Written)>();
            var (expired, evicted, freed) = (0, 0, 0L);
            var root = new DirectoryInfo(folder);
            foreach (var file in root.Exists ? root.EnumerateFiles("*", SearchOption.AllDirectories) : [])
            {
                var (length, written) = (file.Length, file.LastWriteTimeUtc);
                var age = now.UtcDateTime - written;
                if (file.Name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    if (age > StaleTemp) Delete(file);
                }
                else if (age > options.MaxAge && Delete(file))
                {
                    expired++;
                    freed += length;
                }
                else
                {
                    files.Add((file, length, written));
                }
            }

            var total = files.Sum(f => f.Length);
            if (total > options.MaxTotalBytes)
            {
                // Down to 90 %, not just under the line: otherwise every next write would sweep again.
                var target = options.MaxTotalBytes / 10 * 9;
                foreach (var entry in files.OrderBy(f => f.Written).ThenBy(f => f.File.Name, StringComparer.Ordinal).ToList())
                {
                    if (total <= target) break;
                    if (!Delete(entry.File)) continue;
                    evicted++;
                    freed += entry.Length;
                    total -= entry.Length;
                    files.Remove(entry);
                }
            }

            _total = total;
            _lastSweep = now;
            return new ImageSweep(expired, evicted, freed, files.Count, total);
        }
    }

    /// <summary>Renews a reused image's age, so a sweep keeps what is still in use.</summary>
    public void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, Now.UtcDateTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or vanished file keeps its old age; the image is still returned as it is.
        }
    }

    private static bool Delete(FileInfo file)
    {
        try
        {
            file.Delete();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
