using Lede.Normalize;

namespace Lede.Tests.Normalize;

public sealed class PublicSuffixListTests
{
    // The list's own checkPublicSuffix cases (publicsuffix.org test_psl.txt, CC0), written out here.
    [Theory]
    [InlineData(null, null)]
    [InlineData("COM", null)]
    [InlineData("example.COM", "example.com")]
    [InlineData("WwW.example.COM", "example.com")]
    [InlineData(".com", null)]
    [InlineData(".example", null)]
    [InlineData(".example.com", null)]
    [InlineData(".example.example", null)]
    [InlineData("example", null)]
    [InlineData("example.example", "example.example")]
    [InlineData("b.example.example", "example.example")]
    [InlineData("a.b.example.example", "example.example")]
    [InlineData("biz", null)]
    [InlineData("domain.biz", "domain.biz")]
    [InlineData("b.domain.biz", "domain.biz")]
    [InlineData("a.b.domain.biz", "domain.biz")]
    [InlineData("com", null)]
    [InlineData("example.com", "example.com")]
    [InlineData("b.example.com", "example.com")]
    [InlineData("a.b.example.com", "example.com")]
    [InlineData("uk.com", null)]
    [InlineData("example.uk.com", "example.uk.com")]
    [InlineData("b.example.uk.com", "example.uk.com")]
    [InlineData("a.b.example.uk.com", "example.uk.com")]
    [InlineData("test.ac", "test.ac")]
    [InlineData("mm", null)]
    [InlineData("c.mm", null)]
    [InlineData("b.c.mm", "b.c.mm")]
    [InlineData("a.b.c.mm", "b.c.mm")]
    [InlineData("jp", null)]
    [InlineData("test.jp", "test.jp")]
    [InlineData("www.test.jp", "test.jp")]
    [InlineData("ac.jp", null)]
    [InlineData("test.ac.jp", "test.ac.jp")]
    [InlineData("www.test.ac.jp", "test.ac.jp")]
    [InlineData("kyoto.jp", null)]
    [InlineData("test.kyoto.jp", "test.kyoto.jp")]
    [InlineData("ide.kyoto.jp", null)]
    [InlineData("b.ide.kyoto.jp", "b.ide.kyoto.jp")]
    [InlineData("a.b.ide.kyoto.jp", "b.ide.kyoto.jp")]
    [InlineData("c.kobe.jp", null)]
    [InlineData("b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("a.b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("city.kobe.jp", "city.kobe.jp")]
    [InlineData("www.city.kobe.jp", "city.kobe.jp")]
    [InlineData("ck", null)]
    [InlineData("test.ck", null)]
    [InlineData("b.test.ck", "b.test.ck")]
    [InlineData("a.b.test.ck", "b.test.ck")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("www.www.ck", "www.ck")]
    [InlineData("us", null)]
    [InlineData("test.us", "test.us")]
    [InlineData("www.test.us", "test.us")]
    [InlineData("ak.us", null)]
    [InlineData("test.ak.us", "test.ak.us")]
    [InlineData("www.test.ak.us", "test.ak.us")]
    [InlineData("k12.ak.us", null)]
    [InlineData("test.k12.ak.us", "test.k12.ak.us")]
    [InlineData("www.test.k12.ak.us", "test.k12.ak.us")]
    [InlineData("食狮.com.cn", "食狮.com.cn")]
    [InlineData("食狮.公司.cn", "食狮.公司.cn")]
    [InlineData("www.食狮.公司.cn", "食狮.公司.cn")]
    [InlineData("shishi.公司.cn", "shishi.公司.cn")]
    [InlineData("公司.cn", null)]
    [InlineData("食狮.中国", "食狮.中国")]
    [InlineData("www.食狮.中国", "食狮.中国")]
    [InlineData("shishi.中国", "shishi.中国")]
    [InlineData("中国", null)]
    [InlineData("xn--85x722f.com.cn", "xn--85x722f.com.cn")]
    [InlineData("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("shishi.xn--55qx5d.cn", "shishi.xn--55qx5d.cn")]
    [InlineData("xn--55qx5d.cn", null)]
    [InlineData("xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s")]
    [InlineData("www.xn--85x722f.xn--fiqs8s", "xn--85x722f.xn--fiqs8s")]
    [InlineData("shishi.xn--fiqs8s", "shishi.xn--fiqs8s")]
    [InlineData("xn--fiqs8s", null)]
    public void The_lists_own_test_cases_pass(string? host, string? expected)
    {
        var found = PublicSuffixList.Default.Find(host);
        var actual = host is not null && host.Any(c => c > 127) ? found.UnicodeDomain : found.Domain;
        actual.ShouldBe(expected);
    }

    [Theory]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("www.amnesty.org.uk", "amnesty.org.uk")]
    [InlineData("multifiles.pressherald.com", "pressherald.com")]
    [InlineData("www.centralmaine.com", "centralmaine.com")]
    [InlineData("newyork.cbslocal.com", "cbslocal.com")]
    [InlineData("gray-weau-prod.cdn.arcpublishing.com", "arcpublishing.com")]
    [InlineData("d1sr9z1pdl3mb7.cloudfront.net", "d1sr9z1pdl3mb7.cloudfront.net")]
    [InlineData("WWW.KhmerTimesKH.com.", "khmertimeskh.com")]
    public void Record_providers_get_their_registrable_domain(string host, string expected)
        => PublicSuffixList.Default.Find(host).Domain.ShouldBe(expected);

    [Fact]
    public void Private_section_suffixes_are_used_and_flagged()
    {
        var found = PublicSuffixList.Default.Find("someone.github.io");
        found.Domain.ShouldBe("someone.github.io");
        found.IsPrivateSuffix.ShouldBeTrue();
        PublicSuffixList.Default.Find("news.bbc.co.uk").IsPrivateSuffix.ShouldBeFalse();
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("[2001:db8::1]")]
    [InlineData("localhost")]
    [InlineData("")]
    [InlineData("a..b.com")]
    [InlineData("exa mple.com")]
    [InlineData("exa/mple.com")]
    public void Addresses_single_labels_and_junk_have_no_registrable_domain(string host)
    {
        var found = PublicSuffixList.Default.Find(host);
        found.Domain.ShouldBeNull();
        found.Problem.ShouldNotBeNull();
    }

    [Fact]
    public void A_custom_list_is_parsed_from_text()
    {
        var list = PublicSuffixList.Parse(new StringReader("// comment\ncom\n*.example\n!keep.example\n"));
        list.Find("a.b.com").Domain.ShouldBe("b.com");
        list.Find("x.y.example").Domain.ShouldBe("x.y.example");
        list.Find("a.keep.example").Domain.ShouldBe("keep.example");
    }
}
