using Lede.Enrich;
using Lede.Fetch;
using Lede.Tests.Fetch;

namespace Lede.Tests.Enrich;

/// <summary>The image folder's total quota and expiry (catalogue I7): the oldest go first, reuse renews an image.</summary>
public sealed class ImageCacheQuotaTests : IDisposable
{
    private readonly Fetcher _fetcher = Loopback.Fetcher();
    private readonly ManualTimeProvider _clock = new();
    private readonly string _root = Directory.CreateTempSubdirectory("lede-image-quota-").FullName;

    public void Dispose()
    {
        _fetcher.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private ImageCache Cache(long maxTotalBytes = 1L << 30)
        => new(_fetcher, new ImageCacheOptions { Root = _root, MaxTotalBytes = maxTotalBytes, MaxAge = TimeSpan.FromDays(30) }, _clock);

    /// <summary>A distinct image of about 3,000 bytes: a PNG of its own width with padding after it.</summary>
    private static byte[] Image(int n) => [.. TestImages.Png(n, 1), .. new byte[3000 - TestImages.Png(n, 1).Length]];

    private async Task<CachedImage> StoreAsync(ImageCache cache, int n)
    {
        var stored = await cache.StoreAsync(new Uri($"https://img.example/{n}.png"), Image(n), "image/png", default);
        stored.IsCached.ShouldBeTrue(string.Join("; ", stored.Warnings));
        _clock.Advance(TimeSpan.FromMinutes(1));
        return stored;
    }

    [Fact]
    public async Task Past_the_quota_the_least_recently_used_images_are_deleted_first()
    {
        var cache = Cache(maxTotalBytes: 10_000);
        var one = await StoreAsync(cache, 1);
        var two = await StoreAsync(cache, 2);
        var three = await StoreAsync(cache, 3);
        // Storing the first again renews it: the second is now the oldest.
        (await StoreAsync(cache, 1)).Path.ShouldBe(one.Path);

        var four = await StoreAsync(cache, 4);

        File.Exists(two.Path).ShouldBeFalse();
        new[] { one, three, four }.ShouldAllBe(i => File.Exists(i.Path));
        cache.Sweep().ShouldBe(new ImageSweep(0, 0, 0, 3, 9000));
    }

    [Fact]
    public async Task A_sweep_over_the_quota_goes_down_to_ninety_percent_of_it()
    {
        var cache = Cache();
        for (var n = 1; n <= 10; n++) await StoreAsync(cache, n);

        var sweep = new ImageCache(_fetcher, new ImageCacheOptions { Root = _root, MaxTotalBytes = 20_000 }, _clock).Sweep();

        sweep.ShouldBe(new ImageSweep(Expired: 0, Evicted: 4, FreedBytes: 12_000, KeptFiles: 6, KeptBytes: 18_000));
        Directory.GetFiles(Path.Combine(_root, "images"), "*", SearchOption.AllDirectories).Length.ShouldBe(6);
    }

    [Fact]
    public async Task Images_past_the_max_age_are_deleted_by_the_next_store()
    {
        var cache = Cache();
        var old = await StoreAsync(cache, 1);
        _clock.Advance(TimeSpan.FromDays(31));

        var fresh = await StoreAsync(cache, 2);

        File.Exists(old.Path).ShouldBeFalse();
        File.Exists(fresh.Path).ShouldBeTrue();
        cache.Sweep().KeptFiles.ShouldBe(1);
    }

    [Fact]
    public void Nonsense_quota_options_are_refused()
        => Should.Throw<InvalidOperationException>(() => Cache(maxTotalBytes: 0)).Message.ShouldBe("Image cache option MaxTotalBytes must be positive.");
}
