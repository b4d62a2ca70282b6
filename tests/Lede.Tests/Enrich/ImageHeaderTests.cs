using FsCheck;
using FsCheck.Fluent;
using Lede.Enrich;
using Lede.Tests.Support;

namespace Lede.Tests.Enrich;

public sealed class ImageHeaderTests
{
    public static TheoryData<string, byte[], ImageFormat, int, int> Images => new()
    {
        { "png", TestImages.Png(37, 21), ImageFormat.Png, 37, 21 },
        { "baseline jpeg", TestImages.Jpeg(300, 200), ImageFormat.Jpeg, 300, 200 },
        { "jpeg with exif before the frame", TestImages.Jpeg(640, 480, exif: true), ImageFormat.Jpeg, 640, 480 },
        { "progressive jpeg", TestImages.Jpeg(1200, 627, progressive: true), ImageFormat.Jpeg, 1200, 627 },
        { "gif", TestImages.Gif(320, 240), ImageFormat.Gif, 320, 240 },
        { "webp lossy", TestImages.WebPLossy(1024, 768), ImageFormat.WebP, 1024, 768 },
        { "webp lossless", TestImages.WebPLossless(16383, 9), ImageFormat.WebP, 16383, 9 },
        { "webp extended", TestImages.WebPExtended(70000, 3), ImageFormat.WebP, 70000, 3 },
        { "avif primary item", TestImages.Avif(1920, 1080), ImageFormat.Avif, 1920, 1080 },
        { "avif sequence brand", TestImages.Avif(800, 600, brand: "avis"), ImageFormat.Avif, 800, 600 },
        { "avif without pitm takes the largest", TestImages.Avif(500, 400, withPrimary: false), ImageFormat.Avif, 500, 400 },
        { "bmp top-down", TestImages.Bmp(12, 34), ImageFormat.Bmp, 12, 34 },
        { "ico", TestImages.Ico(), ImageFormat.Ico, 16, 16 },
    };

    [Theory, MemberData(nameof(Images))]
    public void The_header_gives_format_and_size(string why, byte[] bytes, ImageFormat format, int width, int height)
    {
        ImageHeader.TryRead(bytes, out var size).ShouldBeTrue(why);
        size.ShouldBe(new ImageSize(format, width, height), why);
        ImageHeader.Sniff(bytes).ShouldBe(format, why);
    }

    [Fact]
    public void The_sample_newsroom_images_have_the_sizes_the_records_give()
    {
        var dailyDot = File.ReadAllBytes(Path.Combine(Repo.Root, "samples/newsroom/uploads.dailydot.com/2021/09/UN-Calls-For-Moratorium-On-AI-and-Facial-Recognition.jpg"));
        var pi = File.ReadAllBytes(Path.Combine(Repo.Root, "samples/newsroom/www.privacyinternational.org/sites/default/files/styles/teaser_large_x1/public/2021-07/etienne-girardet-CxTCcjUo2hM-unsplash2.png"));

        ImageHeader.TryRead(dailyDot, out var jpeg).ShouldBeTrue();
        jpeg.ShouldBe(new ImageSize(ImageFormat.Jpeg, 2000, 1000));
        ImageHeader.TryRead(pi, out var png).ShouldBeTrue();
        png.ShouldBe(new ImageSize(ImageFormat.Png, 525, 295));
    }

    [Fact]
    public void Svg_is_sniffed_but_has_no_pixel_size()
    {
        ImageHeader.Sniff(TestImages.Svg()).ShouldBe(ImageFormat.Svg);
        ImageHeader.TryRead(TestImages.Svg(), out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>not an image</body></html>")]
    [InlineData("")]
    [InlineData("RIFF\0\0\0\0WAVEfmt ")]
    [InlineData("GIF8")]
    public void Things_that_are_not_images_are_unknown(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        ImageHeader.Sniff(bytes).ShouldBe(ImageFormat.Unknown);
        ImageHeader.TryRead(bytes, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_jpeg_cut_before_its_frame_header_has_no_size()
    {
        var jpeg = TestImages.Jpeg(300, 200, exif: true);
        var frame = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0, (byte)0x00, (byte)0x0B]);

        ImageHeader.TryRead(jpeg.AsSpan(0, frame + 6), out _).ShouldBeFalse();
        ImageHeader.Sniff(jpeg.AsSpan(0, frame + 6)).ShouldBe(ImageFormat.Jpeg);
    }

    [Fact]
    public void A_zero_png_width_is_invalid()
    {
        var png = TestImages.Png(3, 3);
        png[16] = png[17] = png[18] = png[19] = 0;
        ImageHeader.TryRead(png, out _).ShouldBeFalse();
    }

    private static readonly byte[][] Seeds = [.. Images.Select(row => (byte[])row[1]), TestImages.Svg()];

    /// <summary>Every prefix, and random bytes grafted onto real headers, read without an exception.</summary>
    [Fact]
    public void Truncated_and_random_bytes_never_throw()
    {
        foreach (var seed in Seeds)
        {
            for (var n = 0; n <= seed.Length; n++)
            {
                ImageHeader.TryRead(seed.AsSpan(0, n), out _);
                ImageHeader.Sniff(seed.AsSpan(0, n));
            }
        }

        var damaged = from seed in Gen.Elements(Seeds)
                      from cut in Gen.Choose(0, 200)
                      from noise in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>())
                      from at in Gen.Choose(0, 100)
                      select Damage(seed, cut, noise, at);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(damaged.ToArbitrary(), bytes =>
        {
            ImageHeader.TryRead(bytes, out var size);
            return size.Width >= 0 && size.Height >= 0;
        }));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll<byte[]>(bytes => ImageHeader.TryRead(bytes, out _) || true));
    }

    private static byte[] Damage(byte[] seed, int cut, byte[] noise, int at)
    {
        var head = seed.AsSpan(0, Math.Min(seed.Length, Math.Max(cut, 1) * seed.Length / 200 + 1)).ToArray();
        var offset = Math.Min(at * head.Length / 100, head.Length);
        return [.. head.AsSpan(0, offset), .. noise, .. head.AsSpan(offset)];
    }
}
