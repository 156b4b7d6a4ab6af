using System.Text.Json;
using Kaohe.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Kaohe.BrowserTests;

/// <summary>
/// One unit (二七区) through all four stages by four accounts in the browser, ending with the sealed grade.
/// It has its own server: assigning the demo expert to 二七区 would change what the shared server's role tests see.
/// </summary>
public sealed class CampaignWalkTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static Task ClickAndWaitAsync(IPage page, string selector) => PageLoads.ClickAndWaitAsync(page, selector, LoadState.DOMContentLoaded);

    /// <summary>
    /// Fills each score field with the indicator's maximum, minus <paramref name="less"/> on the first one; a computed
    /// indicator the ledger cannot score (无台账数据) also gets the note it needs. The ledger's own points have no field.
    /// </summary>
    private static async Task FillAsync(IPage page, decimal less = 0) => await page.EvaluateAsync(
        """
        less => document.querySelectorAll('input.points').forEach((i, n) => {
            i.value = (parseFloat(i.closest('tr').children[2].innerText) - (n === 0 ? less : 0)).toString();
            if (i.classList.contains('nodata')) i.closest('tr').querySelector('input.note').value = '无台账数据，按佐证材料评分';
        })
        """,
        less);

    /// <summary>The grade the default rules give the final score on the unit page (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60).</summary>
    private static async Task<string> GradeOfFinalScoreAsync(IPage page)
    {
        var text = await page.InnerTextAsync("#final-score");
        var score = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return score >= 90 ? "优秀" : score >= 80 ? "良好" : score >= 60 ? "合格" : "不合格";
    }

    private static async Task OpenStageAsync(IPage admin, int id, string stage)
    {
        await admin.GotoAsync($"/Campaigns/Details/{id}");
        await ClickAndWaitAsync(admin, $"button:has-text('开放{stage}')");
        Assert.Contains($"{stage}阶段已开放", await admin.InnerTextAsync(".alert.ok"));
    }

    [Fact]
    public async Task OneUnit_WalksAllFourStages_WithFourAccounts_AndShowsTheSealedGrade()
    {
        var admin = await server.SignInAsync("admin");
        var units = await admin.APIRequest.GetAsync("/api/units?q=410103");
        var erqi = JsonDocument.Parse(await units.TextAsync()).RootElement[0].GetProperty("id").GetInt32();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await admin.APIRequest.PostAsync("/api/campaigns", new()
        {
            DataObject = new { year = 2030, start = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), end = today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), unitIds = new[] { erqi } },
        });
        Assert.True(created.Ok, await created.TextAsync());
        var id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetInt32();
        var unitPage = $"/Campaigns/Unit/{id}/{erqi}";
        await OpenStageAsync(admin, id, "自查");

        var county = await server.SignInAsync("erqi");
        await county.GotoAsync(unitPage);
        Assert.Contains("累计逾期本息 ÷ 累计应还本息", await county.InnerTextAsync("#computed")); // 二七区 has a demo ledger
        await FillAsync(county);
        await ClickAndWaitAsync(county, "#submit-stage");
        Assert.Equal("待市级主评", await county.InnerTextAsync("#step"));

        await OpenStageAsync(admin, id, "市级主评");
        var city = await server.SignInAsync("zhengzhou");
        await city.GotoAsync(unitPage);
        await FillAsync(city, 1);
        await ClickAndWaitAsync(city, "#submit-stage");
        Assert.Equal("待专家组复评", await city.InnerTextAsync("#step"));

        await ClickAndWaitAsync(admin, "button:has-text('自动分配专家')");
        await ClickAndWaitAsync(admin, "button:has-text('抽取实地查看单位')");
        Assert.Contains("抽取实地查看单位 1 个", await admin.InnerTextAsync(".alert.ok"));
        await OpenStageAsync(admin, id, "专家组复评");
        var expert = await server.SignInAsync("expert");
        await expert.GotoAsync(unitPage);
        await FillAsync(expert, 2);
        await ClickAndWaitAsync(expert, "#submit-stage");
        Assert.Equal("待实地查看", await expert.InnerTextAsync("#step"));

        await OpenStageAsync(admin, id, "实地查看");
        await expert.GotoAsync(unitPage);
        await FillAsync(expert, 3);
        await ClickAndWaitAsync(expert, "#submit-stage");
        Assert.Equal("待集体评审", await expert.InnerTextAsync("#step"));

        await admin.GotoAsync($"/Campaigns/Details/{id}");
        await ClickAndWaitAsync(admin, "button:has-text('按计算等级确定')");
        await ClickAndWaitAsync(admin, "#seal");
        Assert.Contains("考核已封存", await admin.InnerTextAsync(".alert.ok"));

        await county.GotoAsync(unitPage);
        // The ledger's points for the computed indicators depend on the demo ledger as of today: the grade follows the score.
        Assert.Equal(await GradeOfFinalScoreAsync(county), await county.InnerTextAsync("#final-grade"));
        Assert.Equal(16, await county.Locator("#computed tr.computed-line").CountAsync()); // four indicators as each stage recorded them
        Assert.Contains("已封存", await county.InnerTextAsync(".card"));
        Assert.Equal(0, await county.Locator("#submit-stage").CountAsync());
    }
}
