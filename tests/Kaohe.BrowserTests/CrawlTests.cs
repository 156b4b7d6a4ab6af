using Kaohe.BrowserTests.Infrastructure;

namespace Kaohe.BrowserTests;

/// <summary>
/// Each role signs in and follows every link it is shown, from its home page outwards (<see cref="SiteCrawler"/>):
/// no link may lead to an error, no page may show an internal key or an English field name, log a script error, or
/// take over a second. The home page and each area's first page are saved as screenshots (docs/testing.md).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrawlTests(BrowserServer server)
{
    [Theory]
    [InlineData("admin")]
    [InlineData("zhengzhou")]
    [InlineData("erqi")]
    [InlineData("expert")]
    [InlineData("bank")]
    public async Task EveryLinkARoleIsShown_LeadsToAPageThatReadsInChinese(string role)
    {
        var page = await server.SignInAsync(role);
        var crawl = await new SiteCrawler(page, role).RunAsync();

        Assert.True(crawl.Problems.Count == 0, $"{role}：\n" + string.Join("\n", crawl.Problems));
        Assert.True(crawl.Pages >= 5, $"{role} 只到达了 {crawl.Pages} 个页面");
    }
}
