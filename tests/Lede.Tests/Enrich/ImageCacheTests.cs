using Lede.Enrich;
using Lede.Fetch;
using Lede.Tests.Fetch;

namespace Lede.Tests.Enrich;

public sealed class ImageCacheTests(ImageServer server) : IClassFixture<ImageServer>, IDisposable
{
    private readonly Fetcher _fetcher = Loopback.Fetcher();
    private readonly string _root = Directory.CreateTempSubdirectory("lede-images-").FullName;

    public void Dispose()
    {
        _fetcher.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private ImageCache Cache(long maxPixels = 50_000_000) => new(_fetcher, new ImageCacheOptions { Root = _root, MaxPixels = maxPixels });

    [Fact]
    public async Task A_png_is_stored_under_its_hash_with_its_size()
    {
        var result = await Cache().CacheAsync(server.Url("/good.png"), default);

        result.IsCached.ShouldBeTrue();
        (result.Format, result.Width, result.Height).ShouldBe((ImageFormat.Png, 64, 48));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ImageServer.GoodPng));
        result.Path.ShouldBe(Path.Combine(_root, "images", sha[..2], sha + ".png"));
        File.ReadAllBytes(result.Path!).ShouldBe(ImageServer.GoodPng);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_jpeg_served_as_png_is_stored_as_jpeg_and_the_same_bytes_twice_once()
    {
        var first = await Cache().CacheAsync(server.Url("/good.jpg"), default);
        var second = await Cache().StoreAsync(new Uri("https://elsewhere.example/copy.jpg"), ImageServer.GoodJpeg, "image/jpeg", default);

        first.IsCached.ShouldBeTrue();
        first.Path!.ShouldEndWith(".jpg");
        (first.Width, first.Height).ShouldBe((320, 180));
        second.Path.ShouldBe(first.Path);
        Directory.GetFiles(Path.Combine(_root, "images"), "*", SearchOption.AllDirectories).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Html_served_as_an_image_is_refused()
    {
        var result = await Cache().CacheAsync(server.Url("/page.jpg"), default);

        result.IsCached.ShouldBeFalse();
        result.Path.ShouldBeNull();
        result.Warnings.ShouldHaveSingleItem().ShouldContain("is not an image");
        result.Warnings[0].ShouldContain("image/jpeg");
        Directory.Exists(Path.Combine(_root, "images")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_image_over_the_pixel_limit_is_refused_with_its_size()
    {
        var result = await Cache().CacheAsync(server.Url("/huge.png"), default);

        result.IsCached.ShouldBeFalse();
        (result.Width, result.Height).ShouldBe((16384, 16384));
        result.Warnings.ShouldHaveSingleItem().ShouldContain("over the limit of 50000000");
    }

    [Fact]
    public async Task A_body_over_10_MiB_is_refused_by_the_fetcher()
    {
        var result = await Cache().CacheAsync(server.Url("/oversize.jpg"), default);

        result.IsCached.ShouldBeFalse();
        result.Warnings.ShouldHaveSingleItem().ShouldContain(nameof(FetchFailure.TooLarge));
    }

    [Fact]
    public async Task A_404_is_a_warning_not_an_exception()
    {
        var result = await Cache().CacheAsync(server.Url("/missing.jpg"), default);

        result.IsCached.ShouldBeFalse();
        result.Warnings.ShouldHaveSingleItem().ShouldContain("HttpStatus 404");
    }

    /// <summary>I1: an image in a feed pointing at the machine's own network is refused by the same guard as feeds, and nothing is written.</summary>
    [Fact]
    public async Task An_image_on_a_private_address_is_refused_and_nothing_is_written()
    {
        using var guarded = new Fetcher(new FetchOptions { PerHostDelay = TimeSpan.Zero });
        var cache = new ImageCache(guarded, new ImageCacheOptions { Root = _root });

        var result = await cache.CacheAsync(server.Url("/good.png"), default);

        result.IsCached.ShouldBeFalse();
        result.Warnings.ShouldHaveSingleItem().ShouldContain("not fetched: Blocked");
        Directory.Exists(Path.Combine(_root, "images")).ShouldBeFalse();
    }

    [Fact]
    public async Task Svg_is_refused_because_it_can_carry_scripts()
    {
        var result = await Cache().CacheAsync(server.Url("/logo.svg"), default);

        result.IsCached.ShouldBeFalse();
        result.Format.ShouldBe(ImageFormat.Svg);
        result.Warnings.ShouldHaveSingleItem().ShouldContain("SVG");
    }

    [Fact]
    public async Task Is_cached_is_false_when_the_file_cannot_be_written()
    {
        var blocked = Path.Combine(_root, "file-not-folder");
        await File.WriteAllTextAsync(blocked, "x");
        var cache = new ImageCache(_fetcher, new ImageCacheOptions { Root = blocked });

        var result = await cache.StoreAsync(new Uri("https://e.example/a.png"), ImageServer.GoodPng, null, default);

        result.IsCached.ShouldBeFalse();
        result.Path.ShouldBeNull();
        result.Width.ShouldBe(64);
        result.Warnings.ShouldHaveSingleItem().ShouldContain("could not be stored");
    }
}
