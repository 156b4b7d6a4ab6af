using System.Globalization;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>The offline scoring workbook: download, fill in, upload; bad cells are named in Chinese and nothing is written.</summary>
public abstract class WorkbookDataTests(DatabaseProvider provider)
{
    private static string Csv(TabularFile table, Func<IReadOnlyList<string>, string[]> edit)
    {
        var w = new StringWriter();
        TableWriter.WriteCsvLine(w, table.Headers);
        foreach (var r in table.Rows) TableWriter.WriteCsvLine(w, edit(r.Cells));
        return w.ToString();
    }

    [Fact]
    public async Task Workbook_RoundTrip_RejectsBadCellsWithoutWriting_ThenAcceptsTheFixedFile()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var county = await db.Query(c => c.Users.Where(u => u.UserName == "erqi").Select(u => new UserScope(u.Id, u.UserName, u.Role, u.UnitId, u.CityGroupId)).SingleAsync());
        var campaign = await db.Query(c => c.Campaigns.Where(k => k.Year == 2019).Select(k => k.Id).SingleAsync());
        var bytes = await db.Run<DownloadScoringWorkbook, byte[]>(h => h.HandleAsync(campaign, Stage.SelfCheck, county, TableFormat.Xlsx));
        var table = Files.Table(bytes, "w.xlsx");
        Assert.Equal(30, table.Rows.Count); // the default scheme's scored indicators and veto items, one unit
        Assert.All(table.Rows, r => Assert.Equal("二七区", r[1]));
        var computed = table.Rows.Where(r => r[8] == "数据计算（不可修改）").ToList(); // pre-filled from the demo ledger
        Assert.Equal(["5.2", "5.4", "6.2.2", "6.3"], computed.Select(r => r[2]));

        // Full marks everywhere (the ledger's points where computed), then spoil three cells.
        var filled = Csv(table, r => [.. r.Take(5), r[4] == "否决项" ? "" : r[8] == "数据计算（不可修改）" ? r[5] : r[4], r[4] == "否决项" ? "否" : "", "自评", r[8], r[9]]);
        var bad = filled.Replace(",1.1,资助工作领导小组与工作会议,4,4,", ",1.1,资助工作领导小组与工作会议,4,5,", StringComparison.Ordinal)
            .Replace(",1.2,独立法人资格的资助管理机构,4,4,", ",1.2,独立法人资格的资助管理机构,4,四,", StringComparison.Ordinal)
            .Replace(",8.1,发生因生源地贷款引发的群体性事件,否决项,,否,", ",8.1,发生因生源地贷款引发的群体性事件,否决项,,也许,", StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<ImportRejectedException>(() => db.Run<UploadScoringWorkbook, WorkbookUploaded>(h =>
            h.HandleAsync(campaign, Stage.SelfCheck, Files.Table(Files.Csv(bad, gbk: true)), false, county)));
        Assert.Equal(["第 2 行“得分”列：指标 1.1 的得分必须在 0 到 4 之间", "第 3 行“得分”列：“四”不是数字", "第 29 行“否决项是否触发”列：“也许”应填 是 或 否"],
            e.ImportErrors.Select(x => x.ToString()));
        Assert.False(await db.Query(c => c.StageResults.AnyAsync(r => r.CampaignUnitId == c.CampaignUnits.Single(u => u.CampaignId == campaign && u.UnitId == county.UnitId).Id)));

        var ok = await db.Run<UploadScoringWorkbook, WorkbookUploaded>(h => h.HandleAsync(campaign, Stage.SelfCheck, Files.Table(Files.Csv(filled)), true, county));
        Assert.Equal((1, 26, true, 0), (ok.Units, ok.Scores, ok.Submitted, ok.Notices.Count)); // the four computed rows are not read
        var unit = await db.Query(c => c.CampaignUnits.Include(u => u.Results).SingleAsync(u => u.CampaignId == campaign && u.UnitId == county.UnitId));
        var expected = 100m - computed.Sum(r => decimal.Parse(r[4], CultureInfo.InvariantCulture) - decimal.Parse(r[5], CultureInfo.InvariantCulture));
        Assert.Equal((UnitStep.CityReview, expected), (unit.Step, unit.ResultOf(Stage.SelfCheck)!.Total));
    }
}

public sealed class WorkbookDataTestsOnSqlite() : WorkbookDataTests(DatabaseProvider.Sqlite);

public sealed class WorkbookDataTestsOnPostgres() : WorkbookDataTests(DatabaseProvider.Postgres);
