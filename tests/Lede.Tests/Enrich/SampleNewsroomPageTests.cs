using Lede.Enrich;
using Lede.Tests.Support;

namespace Lede.Tests.Enrich;

/// <summary>The sample newsroom's record pages give the facts the spec records hold.</summary>
public sealed class SampleNewsroomPageTests
{
    private static PageFacts ReadSample(string url)
    {
        var uri = new Uri(url);
        var path = Path.Combine(Repo.Root, "samples/newsroom", uri.Host + uri.AbsolutePath);
        if (uri.AbsolutePath.EndsWith('/')) path = Path.Combine(path, "index.html");
        return Pages.Read(File.ReadAllText(path), url);
    }

    [Fact]
    public void Daily_dot_record_page()
    {
        var facts = ReadSample("https://www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/");

        facts.CanonicalUrl!.AbsoluteUri.ShouldBe("https://www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/");
        facts.AmpUrl!.AbsoluteUri.ShouldBe("https://www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/?amp");
        facts.Title.ShouldBe("UN calls for immediate halt to use of facial recognition");
        facts.SiteName.ShouldBe("The Daily Dot");
        facts.Type.ShouldBe(PageTypes.Article);
        facts.PublishedUtc.ShouldBe(new DateTime(2021, 9, 16, 20, 13, 0, DateTimeKind.Utc));
        facts.Images[0].Url.OriginalString.ShouldBe("https://uploads.dailydot.com/2021/09/UN-Calls-For-Moratorium-On-AI-and-Facial-Recognition.jpg?auto=compress%2Cformat&ixlib=php-3.3.0");
        facts.Language.ShouldBe("en");
    }

    [Fact]
    public void Amnesty_keeps_its_declared_share_image_even_though_it_is_named_logo()
    {
        var facts = ReadSample("https://www.amnesty.org.uk/press-releases/call-ban-facial-recognition-technology-amplifies-racist-policing");

        var image = facts.Images.ShouldHaveSingleItem();
        image.Url.AbsoluteUri.ShouldBe("https://www.amnesty.org.uk/files/styles/social_share_image/s3/settings/amnesty_logo_0.jpg?qA0vtal7uIyyFfzdjtm85CBfSTsi5Vt0&itok=V8GH6KNO");
        (image.Width, image.Height).ShouldBe((1200, 627));
        facts.Title.ShouldBe("Call to Ban Facial Recognition Technology that amplifies racist policing");
    }

    [Fact]
    public void Cbs_local_video_page_is_a_video()
        => ReadSample("https://newyork.cbslocal.com/video/5233334-ban-the-scan-campaign-targets-facial-recognition-technology/").Type.ShouldBe(PageTypes.Video);

    [Fact]
    public void Every_sample_page_reads_with_a_title_and_no_logo_as_first_image()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Repo.Root, "samples/newsroom"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is "" or ".html" or ".amp" && !f.Contains("/tools/", StringComparison.Ordinal))
            .ToList();
        pages.Count.ShouldBeGreaterThan(60);
        foreach (var file in pages)
        {
            var relative = Path.GetRelativePath(Path.Combine(Repo.Root, "samples/newsroom"), file);
            var facts = Pages.Read(File.ReadAllText(file), "https://" + relative.Replace('\\', '/'));
            facts.Title.ShouldNotBeNullOrWhiteSpace(file);
            facts.Images.ShouldNotContain(i => i.Url.AbsolutePath.EndsWith("/assets/img/logo.png", StringComparison.Ordinal), file);
        }
    }
}
