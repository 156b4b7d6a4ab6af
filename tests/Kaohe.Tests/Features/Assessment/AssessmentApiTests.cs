using System.Net;
using System.Net.Http.Json;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>The assessment API and pages on the demo database, per role: what each sees, and 403/404 for the rest.</summary>
public sealed class AssessmentApiTests(KaoheApp app) : IClassFixture<KaoheApp>
{
    private static async Task<int> CampaignAsync(HttpClient client, int year) =>
        Assert.Single((await client.GetFromJsonAsync<List<CampaignSummary>>("/api/campaigns"))!, c => c.Year == year).Id;

    private static async Task<int> UnitAsync(HttpClient admin, string code) =>
        Assert.Single((await admin.GetFromJsonAsync<List<UnitSummary>>($"/api/units?q={code}"))!).Id;

    [Fact]
    public async Task Results2018_ShowTheNoticesCounts_OverApiAndPage()
    {
        var bank = await app.SignedInAsync("bank");
        var id = await CampaignAsync(bank, 2018);
        var results = (await bank.GetFromJsonAsync<ResultsView>($"/api/campaigns/{id}/results"))!;
        Assert.Equal((168, 122, 41, 5, 0, "72.62%"), (results.Units, results.Counts[Grade.Excellent], results.Counts[Grade.Good], results.Counts[Grade.Pass], results.Counts[Grade.Fail], results.ExcellentRate));
        Assert.Equal("郑州市", results.Cities[0].City);
        var page = await bank.GetStringAsync($"/Campaigns/Details/{id}");
        Assert.Contains("72.62%", page);
        Assert.DoesNotContain("封存考核结果", page);
        Assert.Contains("宽严度", await bank.GetStringAsync($"/Campaigns/Compare/{id}"));
        var list = await bank.GetStringAsync("/Campaigns");
        Assert.Contains("2018年度生源地信用助学贷款工作考核", list);
        Assert.Contains("已封存", list);
    }

    [Fact]
    public async Task County_SeesOnlyItsOwnUnit_InCampaigns()
    {
        var admin = await app.SignedInAsync("admin");
        var other = await UnitAsync(admin, "410102");
        var county = await app.SignedInAsync("erqi");
        var id = await CampaignAsync(county, 2019);
        var erqi = await UnitAsync(county, "410103");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/campaigns/{id}/units/{erqi}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/campaigns/{id}/units/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/Campaigns/Unit/{id}/{other}")).StatusCode);
        var results = (await county.GetFromJsonAsync<ResultsView>($"/api/campaigns/{await CampaignAsync(county, 2018)}/results"))!;
        Assert.Equal("二七区", Assert.Single(results.UnitsInOrder).Name);
        var put = await county.PutAsJsonAsync($"/api/campaigns/{id}/units/{other}/stages/SelfCheck", new StageScoring(Stage.SelfCheck, [new("1.1", 4)]));
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var city = await county.PutAsJsonAsync($"/api/campaigns/{id}/units/{erqi}/stages/CityReview", new StageScoring(Stage.CityReview, [new("1.1", 4)]));
        Assert.Equal(HttpStatusCode.Forbidden, city.StatusCode);
    }

    [Fact]
    public async Task County_SavesADraft_OutOfRangePointsAreRefusedInChinese()
    {
        var county = await app.SignedInAsync("erqi");
        var id = await CampaignAsync(county, 2019);
        var erqi = await UnitAsync(county, "410103");
        var bad = await county.PutAsJsonAsync($"/api/campaigns/{id}/units/{erqi}/stages/自查", new StageScoring(Stage.SelfCheck, [new("1.1", 5)]));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("0 到 4", await bad.Content.ReadAsStringAsync());
        var ok = await county.PutAsJsonAsync($"/api/campaigns/{id}/units/{erqi}/stages/自查", new StageScoring(Stage.SelfCheck, [new("1.1", 3.5m, Note: "已开会")]));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var view = (await county.GetFromJsonAsync<CampaignUnitView>($"/api/campaigns/{id}/units/{erqi}"))!;
        var fromLedger = view.Computed.Where(c => c.Stage == Stage.SelfCheck).Sum(c => c.HasData ? c.Points!.Value : 0);
        Assert.Equal(3.5m + fromLedger, Assert.Single(view.Stages).Total); // the draft holds the ledger's points for computed indicators
    }

    [Fact]
    public async Task Expert_SeesOnlyAssignedUnits_AndNonAdminsCannotRunTheCampaign()
    {
        var expert = await app.SignedInAsync("expert");
        var id = await CampaignAsync(expert, 2019);
        var units = (await expert.GetFromJsonAsync<ResultsView>($"/api/campaigns/{id}/results"))!.UnitsInOrder;
        Assert.Equal(3, units.Count);
        Assert.All(units, u => Assert.Equal("开封市", u.City));
        foreach (var user in new[] { "expert", "zhengzhou", "erqi", "bank" })
        {
            var client = await app.SignedInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/campaigns/{id}/stages/CityReview/open", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/campaigns/{id}/sample", new DrawRequest(1, 1))).StatusCode);
        }
    }

    [Fact]
    public async Task Expert_RecordsAFindingOnAnAssignedUnit_CountyMayNot()
    {
        var expert = await app.SignedInAsync("expert");
        var id = await CampaignAsync(expert, 2019);
        var unit = (await expert.GetFromJsonAsync<ResultsView>($"/api/campaigns/{id}/results"))!.UnitsInOrder[0].UnitId;
        var posted = await expert.PostAsJsonAsync($"/api/campaigns/{id}/units/{unit}/findings", new NewFinding(FindingCategory.Archives, "缺失借阅记录"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var list = (await expert.GetFromJsonAsync<List<FindingView>>($"/api/campaigns/{id}/units/{unit}/findings"))!;
        Assert.Equal(("档案管理", "缺失借阅记录"), (Assert.Single(list).Category, list[0].Text));

        var county = await app.SignedInAsync("erqi");
        var own = await UnitAsync(county, "410103");
        var refused = await county.PostAsJsonAsync($"/api/campaigns/{id}/units/{own}/findings", new NewFinding(FindingCategory.Archives, "自己记"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/campaigns/{id}/units/{unit}/findings")).StatusCode);
    }

    [Fact]
    public async Task County_AttachesEvidence_TypeCheckedFromTheBytes_OthersOutOfScopeGet404()
    {
        var county = await app.SignedInAsync("erqi");
        var id = await CampaignAsync(county, 2019);
        var erqi = await UnitAsync(county, "410103");
        static MultipartFormDataContent Form(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
        var fake = await county.PostAsync($"/api/campaigns/{id}/units/{erqi}/evidence/SelfCheck", Form("MZ\x90\x00"u8.ToArray(), "制度.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("只接受", await fake.Content.ReadAsStringAsync());
        var ok = await county.PostAsync($"/api/campaigns/{id}/units/{erqi}/evidence/SelfCheck", Form("%PDF-1.4 test"u8.ToArray(), "制度汇编.pdf"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var file = Assert.Single((await county.GetFromJsonAsync<List<EvidenceInfo>>($"/api/campaigns/{id}/units/{erqi}/evidence"))!);
        Assert.Equal("制度汇编.pdf", file.FileName);
        Assert.Equal("%PDF-1.4 test", await county.GetStringAsync($"/api/evidence/{file.Id}"));

        var other = await app.SignedInAsync("expert"); // not assigned to 二七区
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/campaigns/{id}/units/{erqi}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/evidence/{file.Id}")).StatusCode);
    }

    [Fact]
    public async Task SchemeExport_IsAnXlsxInTheImportFormat()
    {
        var admin = await app.SignedInAsync("admin");
        var schemes = (await admin.GetFromJsonAsync<List<SchemeSummary>>("/api/schemes"))!;
        var used = Assert.Single(schemes, s => s.InUse);
        Assert.Equal(100m, used.MaxTotal);
        var bytes = await admin.GetByteArrayAsync($"/api/schemes/{used.Id}/export?format=xlsx");
        var table = Files.Table(bytes, "s.xlsx");
        Assert.Equal(["编号", "名称", "分值", "类型", "数据来源", "计分规则", "否决后最高等级", "评分说明", "应备材料"], table.Headers);
        Assert.Contains(table.Rows, r => r[1] == "贷款逾期率" && r[3] == "数据计算" && r[4] == "ledger.overdue-rate" && r[5] == "不高于全省 得满分，每高 1 个百分点扣 1 分");
        Assert.Contains(table.Rows, r => r[1] == "风险补偿金归集" && r[3] == "人工评分" && r[4] == ""); // no such data in Kaohe
    }

    [Fact]
    public async Task SealedCampaign_RefusesAChange_AsAConflict_UnknownStage_AsInvalid_BothInChinese()
    {
        var admin = await app.SignedInAsync("admin");
        var sealedId = await CampaignAsync(admin, 2018);
        var refused = await admin.PostAsync($"/api/campaigns/{sealedId}/stages/SelfCheck/open", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(AssessmentTexts.Sealed, (await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Title);
        var unknown = await admin.GetAsync($"/api/campaigns/{sealedId}/workbook/第五阶段");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(AssessmentTexts.UnknownStage("第五阶段"), (await unknown.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Title);
    }
}
