using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>Computed indicators scored from a hand-made ledger at each stage, on SQLite and PostgreSQL (figures in ComputedFixture).</summary>
public abstract class ComputedIndicatorDataTests(DatabaseProvider provider)
{
    [Fact]
    public async Task SelfCheck_TakesComputedPointsFromTheLedger_AndStoresValueFormulaNumbersAndDate()
    {
        await using var f = await ComputedFixture.CreateAsync(provider);
        var result = await f.ScoreAsync(f.Zhongmu, new(Stage.SelfCheck, []), f.Zm);

        var overdue = (await f.StoredAsync(f.Zhongmu, Stage.SelfCheck, "6.3"))!;
        Assert.Equal((ScoreOrigin.Ledger, 3.33m, 41.67m, new DateOnly(2025, 12, 31)), (overdue.Origin, overdue.Points, overdue.DataValue, overdue.DataAsOf));
        Assert.Equal("1,500.00 元 ÷ 3,600.00 元 = 41.67%；全省：1,600.00 元 ÷ 4,000.00 元 = 40.00%", overdue.DataNumbers);
        Assert.Contains("累计逾期本息 ÷ 累计应还本息", overdue.DataFormula, StringComparison.Ordinal);
        Assert.Equal("不高于全省 得满分，每高 1 个百分点扣 1 分：41.67% 高于全省 40.00% 1.67 个百分点，扣 1.67 分，得 3.33 分", overdue.DataScoring);

        var receipts = (await f.StoredAsync(f.Zhongmu, Stage.SelfCheck, "5.2"))!;
        Assert.Equal((1.5m, 3m, "3 个"), (receipts.Points, receipts.DataValue, receipts.DataNumbers)); // K2, K3, K5 × 0.5
        var graduation = (await f.StoredAsync(f.Zhongmu, Stage.SelfCheck, "5.4"))!;
        Assert.Equal((2.5m, 1m, "1 人"), (graduation.Points, graduation.DataValue, graduation.DataNumbers));
        var recovery = (await f.StoredAsync(f.Zhongmu, Stage.SelfCheck, "6.2.2"))!;
        Assert.Equal((4m, 100m, "600.00 元 ÷ 600.00 元 = 100.00%"), (recovery.Points, recovery.DataValue, recovery.DataNumbers));
        Assert.Equal(3.33m + 1.5m + 2.5m + 4m, result.Total);
    }

    [Fact]
    public async Task PointsTypedForAComputedIndicator_AreRefused_AndNothingIsSaved()
    {
        await using var f = await ComputedFixture.CreateAsync(provider);
        var e = await Assert.ThrowsAsync<KaoheException>(() => f.ScoreAsync(f.Zhongmu, new(Stage.SelfCheck, [new("1.1", 4), new("6.3", 5, Note: "逾期率很低")]), f.Zm));
        Assert.Equal("指标 6.3 由台账数据计算得分，不能手工填写", e.Message);
        Assert.Null(await f.StoredAsync(f.Zhongmu, Stage.SelfCheck, "1.1"));
    }

    [Fact]
    public async Task UnitWithoutLedgerData_IsScoredByAPersonWithANote_NeverSilently()
    {
        await using var f = await ComputedFixture.CreateAsync(provider);
        var people = await f.PeoplesPointsAsync();
        var draft = await f.ScoreAsync(f.Xingyang, new(Stage.SelfCheck, people), f.Xy);
        Assert.Equal(100m - 3 - 3 - 4 - 5, draft.Total); // no points given for the four computed indicators
        Assert.Null(await f.StoredAsync(f.Xingyang, Stage.SelfCheck, "6.3"));

        var e = await Assert.ThrowsAsync<KaoheException>(() => f.ScoreAsync(f.Xingyang, new(Stage.SelfCheck, people, Submit: true), f.Xy));
        Assert.Equal("指标 5.2 无台账数据，须由评分人员打分并在说明中写明依据；指标 5.4 无台账数据，须由评分人员打分并在说明中写明依据；"
            + "指标 6.2.2 无台账数据，须由评分人员打分并在说明中写明依据；指标 6.3 无台账数据，须由评分人员打分并在说明中写明依据", e.Message);
        var noNote = await Assert.ThrowsAsync<KaoheException>(() => f.ScoreAsync(f.Xingyang, new(Stage.SelfCheck, [new("6.3", 4)]), f.Xy));
        Assert.Equal("指标 6.3 无台账数据，人工评分须在说明中写明依据", noNote.Message);

        string[] computed = ["5.2", "5.4", "6.2.2", "6.3"];
        var byPerson = people.Concat(computed.Select(c => new PointsEntry(c, 2, Note: "县里尚未导入台账，按系统截图评分"))).ToList();
        var submitted = await f.ScoreAsync(f.Xingyang, new(Stage.SelfCheck, byPerson, Submit: true), f.Xy);
        Assert.Equal(100m - 15 + 8, submitted.Total);
        var s = (await f.StoredAsync(f.Xingyang, Stage.SelfCheck, "6.3"))!;
        Assert.Equal((ScoreOrigin.PersonNoData, 2m, "县里尚未导入台账，按系统截图评分", "无台账数据：本单位未导入还款计划", (decimal?)null),
            (s.Origin, s.Points, s.Note, s.DataNumbers, s.DataValue));
        Assert.Equal("无台账数据：本单位未导入合同台账", (await f.StoredAsync(f.Xingyang, Stage.SelfCheck, "5.2"))!.DataNumbers);
    }

    [Fact]
    public async Task SubmittedStage_KeepsWhatItWasJudgedOn_WhenTheLedgerIsImportedAgain_TheNextStageReadsTheNewData()
    {
        await using var f = await ComputedFixture.CreateAsync(provider);
        await f.ScoreAsync(f.Zhongmu, new(Stage.SelfCheck, await f.PeoplesPointsAsync(), Submit: true), f.Zm);
        // 李四 pays his arrears of 2021 and 2022 on 2025-11-01: 中牟县 is left with 张三's 500 overdue.
        var paid = ComputedFixture.ProvinceInstalments()
            .Replace("2021-12-20,450.00,50.00,0,0,", "2021-12-20,450.00,50.00,450.00,50.00,2025-11-01", StringComparison.Ordinal)
            .Replace("2022-12-20,480.00,20.00,0.00,0.00,", "2022-12-20,480.00,20.00,480.00,20.00,2025-11-01", StringComparison.Ordinal);
        await ComputedFixture.ImportAsync(f.Db, paid, "还款计划-更正.csv");

        var self = (await f.StoredAsync(f.Zhongmu, Stage.SelfCheck, "6.3"))!;
        Assert.Equal((3.33m, 41.67m), (self.Points, self.DataValue));
        Assert.StartsWith("1,500.00 元 ÷ 3,600.00 元", self.DataNumbers, StringComparison.Ordinal);

        await f.Db.Run<OpenStage, bool>(async h => { await h.HandleAsync(f.CampaignId, Stage.CityReview, UserScope.System); return true; });
        var city = await f.Db.Query(c => c.Users.Where(u => u.UserName == "zhengzhou").Select(u => new UserScope(u.Id, u.UserName, u.Role, u.UnitId, u.CityGroupId)).SingleAsync());
        await f.ScoreAsync(f.Zhongmu, new(Stage.CityReview, await f.PeoplesPointsAsync()), city);
        var review = (await f.StoredAsync(f.Zhongmu, Stage.CityReview, "6.3"))!;
        // 500 of 3,600 = 13.89%; the province 600 of 4,000 = 15.00%: now under the province's figure, full marks.
        Assert.Equal((5m, 13.89m), (review.Points, review.DataValue));
        Assert.Equal("500.00 元 ÷ 3,600.00 元 = 13.89%；全省：600.00 元 ÷ 4,000.00 元 = 15.00%", review.DataNumbers);
    }

    [Fact]
    public async Task ComputedValues_AreOnlyGivenInScope()
    {
        await using var f = await ComputedFixture.CreateAsync(provider);
        var view = await f.Db.Run<GetCampaignUnit, CampaignUnitView>(h => h.HandleAsync(f.CampaignId, f.Zhongmu, f.Zm));
        Assert.Equal(["5.2", "5.4", "6.2.2", "6.3"], view.Computed.Select(c => c.Code));
        Assert.All(view.Computed, c => Assert.False(c.Stored));
        Assert.Equal("/Ledger/Unit/" + f.Zhongmu + "?asOf=2025-12-31", view.Computed[0].LedgerUrl);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() => f.Db.Run<GetCampaignUnit, CampaignUnitView>(h => h.HandleAsync(f.CampaignId, f.Zhongmu, f.Xy)))).Kind);
        var luoyang = await f.Db.Query(c => c.CityGroups.Where(g => g.Name == "洛阳市").Select(g => g.Id).SingleAsync());
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() =>
            f.Db.Run<GetCampaignUnit, CampaignUnitView>(h => h.HandleAsync(f.CampaignId, f.Zhongmu, new UserScope(9003, "ly", Role.CityReviewer, null, luoyang))))).Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<KaoheException>(() => f.ScoreAsync(f.Zhongmu, new(Stage.SelfCheck, []), f.Xy))).Kind);
    }

    [Fact]
    public async Task LedgerSources_AreTheIndicatorsComputeLedgerIndicatorsGives()
    {
        await using var f = await ComputedFixture.CreateAsync(provider);
        var values = await f.Db.Run<ComputeLedgerIndicators, LedgerIndicators>(h => h.HandleAsync(f.Zhongmu, 2025, UserScope.System));
        Assert.Equal(LedgerSources.All.Select(s => (s.Code, s.Name, s.Unit)), values!.Values.Select(v => (v.Code, v.Name, v.Unit)));
    }
}

public sealed class ComputedIndicatorDataTestsOnSqlite() : ComputedIndicatorDataTests(DatabaseProvider.Sqlite);

public sealed class ComputedIndicatorDataTestsOnPostgres() : ComputedIndicatorDataTests(DatabaseProvider.Postgres);
