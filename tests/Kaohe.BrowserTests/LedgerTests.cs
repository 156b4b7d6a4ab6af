using System.Text.RegularExpressions;
using Kaohe.BrowserTests.Infrastructure;

namespace Kaohe.BrowserTests;

/// <summary>The province admin drills down the demo ledger as a person would, and sees charts and masked numbers.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LedgerTests(BrowserServer server)
{
    [GeneratedRegex(@"^\d{6}\*{8}[0-9X]{4}$")]
    private static partial Regex MaskedId();

    [Fact]
    public async Task ProvinceAdmin_DrillsProvinceCityUnitBorrower_AndSeesMaskedNumbers()
    {
        var page = await server.SignInAsync("admin");
        await page.ClickAsync("nav.nav >> text=贷后台账");
        await page.FillAsync("#AsOf", "2026-12-31");
        await page.ClickAsync("form.filters button[type=submit]");
        Assert.StartsWith("贷后台账 · 全省", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#ledger-ranking[data-echart-ready] svg");

        await page.ClickAsync("#ranking >> text=郑州市");
        Assert.StartsWith("郑州市", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#ledger-ranking[data-echart-ready] svg");

        await page.ClickAsync("#ranking >> text=二七区");
        Assert.StartsWith("二七区", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.NotEqual("—", await page.InnerTextAsync("#overdue-rate"));
        await page.WaitForSelectorAsync("#ledger-plan[data-echart-ready] svg");

        await page.ClickAsync("#borrowers-link");
        var ids = await page.Locator("#borrowers tbody td.masked").AllInnerTextsAsync();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches(MaskedId(), id));

        await page.Locator("#borrowers tbody tr td:first-child a").First.ClickAsync();
        Assert.Matches(MaskedId(), await page.InnerTextAsync("#id-number"));
        Assert.True(await page.Locator("#instalments tbody tr").CountAsync() > 0);

        await page.ClickAsync("#unmask");
        var clear = await page.InnerTextAsync("#id-number");
        Assert.Matches(@"^\d{17}[0-9X]$", clear);
        Assert.Contains("已记入审计日志", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
    }
}
