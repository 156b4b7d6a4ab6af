using System.Net;
using System.Net.Http.Json;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Ledger;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>The unit page and API show computed indicators with the ledger's formula and numbers (demo data: 二七区 in 2019), in scope only.</summary>
public sealed class ComputedIndicatorHttpTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private static async Task<int> CampaignAsync(HttpClient client) =>
        Assert.Single((await client.GetFromJsonAsync<List<CampaignSummary>>("/api/campaigns"))!, c => c.Year == 2019).Id;

    private static async Task<int> UnitAsync(HttpClient client, string code) =>
        Assert.Single((await client.GetFromJsonAsync<List<UnitSummary>>($"/api/units?q={code}"))!).Id;

    [Fact]
    public async Task UnitPage_ShowsEachComputedIndicatorsValueFormulaNumbersAndDate_FromTheLedger()
    {
        var county = await app.SignedInAsync("erqi");
        var (id, erqi) = (await CampaignAsync(county), await UnitAsync(county, "410103"));
        var ledger = (await county.GetFromJsonAsync<LedgerIndicators>($"/api/ledger/units/{erqi}/indicators?year=2019"))!;
        var overdue = ledger[ComputeLedgerIndicators.OverdueRate]!;

        var view = (await county.GetFromJsonAsync<CampaignUnitView>($"/api/campaigns/{id}/units/{erqi}"))!;
        var line = Assert.Single(view.Computed, c => c.Code == "6.3");
        Assert.Equal((overdue.Value, overdue.Formula, new DateOnly(2019, 12, 31)), (line.Value, line.Formula, line.AsOf!.Value));
        Assert.StartsWith(overdue.Numbers + "；全省：", line.Numbers, StringComparison.Ordinal);
        Assert.True(line.HasData);

        var page = await county.GetStringAsync($"/Campaigns/Unit/{id}/{erqi}");
        Assert.Contains("数据计算指标（来自贷后台账）", page, StringComparison.Ordinal);
        Assert.Contains(overdue.Formula, page, StringComparison.Ordinal);
        Assert.Contains(line.Numbers, page, StringComparison.Ordinal);
        Assert.Contains(line.Scoring, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Ledger/Unit/{erqi}?asOf=2019-12-31\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"computed-6.3\"", page, StringComparison.Ordinal);        // read-only, not an input
        Assert.DoesNotContain("name=\"points[6.3]\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"points[6.4]\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACountyOperator_CannotSeeAnotherUnitsComputedValues_NorTypeItsOwn()
    {
        var county = await app.SignedInAsync("erqi");
        var admin = await app.SignedInAsync("admin");
        var id = await CampaignAsync(county);
        var (erqi, zhongyuan) = (await UnitAsync(county, "410103"), await UnitAsync(admin, "410102")); // both have demo ledgers
        Assert.NotEmpty((await admin.GetFromJsonAsync<CampaignUnitView>($"/api/campaigns/{id}/units/{zhongyuan}"))!.Computed);

        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/campaigns/{id}/units/{zhongyuan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/Campaigns/Unit/{id}/{zhongyuan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/ledger/units/{zhongyuan}/indicators?year=2019")).StatusCode);

        var typed = await county.PutAsJsonAsync($"/api/campaigns/{id}/units/{erqi}/stages/SelfCheck", new StageScoring(Stage.SelfCheck, [new("6.3", 5)]));
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Contains("指标 6.3 由台账数据计算得分，不能手工填写", await typed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCityReviewerSeesItsUnitsComputedValues_AnUnassignedExpertDoesNot()
    {
        var city = await app.SignedInAsync("zhengzhou");
        var id = await CampaignAsync(city);
        var erqi = await UnitAsync(city, "410103");
        Assert.Equal(4, (await city.GetFromJsonAsync<CampaignUnitView>($"/api/campaigns/{id}/units/{erqi}"))!.Computed.Count);
        var expert = await app.SignedInAsync("expert"); // assigned three 开封 units only
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/campaigns/{id}/units/{erqi}")).StatusCode);
    }
}
