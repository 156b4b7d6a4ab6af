using Kaohe.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kaohe.BrowserTests;

/// <summary>Each role signs in through the login form and sees only what it may.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleTests(BrowserServer server)
{
    private static async Task<IReadOnlyList<string>> UnitNamesAsync(IPage page)
    {
        await page.GotoAsync("/Units");
        return await page.Locator("#units tbody tr td:nth-child(2) a").AllInnerTextsAsync();
    }

    private static Task<IReadOnlyList<string>> NavAsync(IPage page) => page.Locator("nav.nav a").AllInnerTextsAsync();

    [Fact]
    public async Task ProvinceAdmin_SeesEveryUnit_AndTheAdminPages()
    {
        var page = await server.SignInAsync("admin");
        Assert.Contains("审计日志", await NavAsync(page));
        Assert.Equal(168, (await UnitNamesAsync(page)).Count);
        await page.GotoAsync("/Audit");
        Assert.Equal("审计日志", await page.InnerTextAsync("h1"));
        await page.ClickAsync("text=校验审计链");
        Assert.Contains("审计链完整", await page.InnerTextAsync("[role=status]"));
        await BrowserServer.ShotAsync(page, "audit");
    }

    [Fact]
    public async Task CityReviewer_SeesOnlyZhengzhou()
    {
        var page = await server.SignInAsync("zhengzhou");
        Assert.DoesNotContain("审计日志", await NavAsync(page));
        var names = await UnitNamesAsync(page);
        Assert.Equal(15, names.Count);
        await BrowserServer.ShotAsync(page, "units-city");
        Assert.Contains("二七区", names);
        Assert.DoesNotContain("老城区", names);
    }

    [Fact]
    public async Task CountyOperator_SeesOnlyItsUnit_AndNotAnotherByAddress()
    {
        var admin = await server.SignInAsync("admin");
        await admin.GotoAsync("/Units?q=410302");
        var otherHref = await admin.Locator("#units tbody a").First.GetAttributeAsync("href");

        var page = await server.SignInAsync("erqi");
        Assert.Equal(["二七区"], await UnitNamesAsync(page));
        await BrowserServer.ShotAsync(page, "units-county");
        var response = await page.GotoAsync(otherHref!);
        Assert.Equal(404, response!.Status);
        Assert.Equal("页面不存在", await page.InnerTextAsync("h1"));
        await page.GotoAsync("/Audit");
        Assert.Equal("无权访问", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task Expert_SeesOnlyAssignedUnits()
    {
        var page = await server.SignInAsync("expert");
        var names = await UnitNamesAsync(page);
        Assert.Equal(3, names.Count);
        Assert.All(await page.Locator("#units tbody tr td:nth-child(1)").AllInnerTextsAsync(), g => Assert.Equal("开封市", g));
    }

    [Fact]
    public async Task Observer_SeesTheProvince_WithoutEditing()
    {
        var page = await server.SignInAsync("bank");
        Assert.Equal(168, (await UnitNamesAsync(page)).Count);
        Assert.Equal(0, await page.Locator("text=导入单位").CountAsync());
        Assert.Equal(0, await page.Locator("text=新增单位").CountAsync());
    }

    [Fact]
    public async Task WrongPassword_ShowsAChineseMessage()
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#UserName", "bank");
        await page.FillAsync("#Password", "wrong-pass-1");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("用户名或密码错误", await page.InnerTextAsync("[role=alert]"));
    }
}
