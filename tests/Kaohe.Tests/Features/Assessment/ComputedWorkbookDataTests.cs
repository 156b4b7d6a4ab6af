using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Assessment;
using Kaohe.Features.Assessment;
using Kaohe.Features.Units;
using Kaohe.Tests.Infrastructure;

namespace Kaohe.Tests.Features.Assessment;

/// <summary>The offline workbook with computed indicators: pre-filled from the ledger, marked, and a changed cell not used.</summary>
public abstract class ComputedWorkbookDataTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Workbook_PrefillsComputedIndicators_AndIgnoresAChangedCellWithAMessage()
    {
        await using var f = await ComputedFixture.CreateAsync(provider);
        var bytes = await f.Db.Run<DownloadScoringWorkbook, byte[]>(h => h.HandleAsync(f.CampaignId, Stage.SelfCheck, f.Zm, TableFormat.Xlsx));
        var table = Files.Table(bytes, "w.xlsx");
        Assert.Equal("计分方式", table.Headers[8]);
        var overdue = Assert.Single(table.Rows, r => r[2] == "6.3");
        Assert.Equal(("3.33", "数据计算（不可修改）"), (overdue[5], overdue[8]));
        Assert.Contains("截至 2025-12-31：1,500.00 元 ÷ 3,600.00 元 = 41.67%；全省：1,600.00 元 ÷ 4,000.00 元 = 40.00%", overdue[9], StringComparison.Ordinal);

        // Full marks typed everywhere, also over the four computed cells.
        var w = new StringWriter();
        TableWriter.WriteCsvLine(w, table.Headers);
        foreach (var r in table.Rows) TableWriter.WriteCsvLine(w, [.. r.Cells.Take(5), r[4] == "否决项" ? "" : r[4], r[4] == "否决项" ? "否" : "", "", r[8], r[9]]);
        var up = await f.Db.Run<UploadScoringWorkbook, WorkbookUploaded>(h => h.HandleAsync(f.CampaignId, Stage.SelfCheck, Files.Table(Files.Csv(w.ToString())), false, f.Zm));

        var row = table.Rows.Single(r => r[2] == "6.3").Number;
        Assert.Equal(3, up.Notices.Count); // 5.2, 5.4 and 6.3 differ from the ledger's points; 6.2.2's full 4 is what the ledger gives
        Assert.Contains($"第 {row} 行：指标 6.3 由台账数据计算（3.33 分），填写的“5”未采用", up.Notices);
        var stored = (await f.StoredAsync(f.Zhongmu, Stage.SelfCheck, "6.3"))!;
        Assert.Equal((ScoreOrigin.Ledger, 3.33m), (stored.Origin, stored.Points));
    }

    [Fact]
    public async Task Workbook_ForAUnitWithoutLedgerData_AsksForPointsAndANote()
    {
        await using var f = await ComputedFixture.CreateAsync(provider);
        var table = Files.Table(await f.Db.Run<DownloadScoringWorkbook, byte[]>(h => h.HandleAsync(f.CampaignId, Stage.SelfCheck, f.Xy, TableFormat.Csv)), "w.csv");
        var overdue = Assert.Single(table.Rows, r => r[2] == "6.3");
        Assert.Equal(("", "无台账数据：请人工评分并在说明中写明依据", "无台账数据：本单位未导入还款计划"), (overdue[5], overdue[8], overdue[9]));

        var w = new StringWriter();
        TableWriter.WriteCsvLine(w, table.Headers);
        foreach (var r in table.Rows) TableWriter.WriteCsvLine(w, [.. r.Cells.Take(5), r[4] == "否决项" ? "" : "1", r[4] == "否决项" ? "否" : "", "", r[8], r[9]]);
        var e = await Assert.ThrowsAsync<ImportRejectedException>(() => f.Db.Run<UploadScoringWorkbook, WorkbookUploaded>(h =>
            h.HandleAsync(f.CampaignId, Stage.SelfCheck, Files.Table(Files.Csv(w.ToString())), false, f.Xy)));
        Assert.Contains($"第 {overdue.Number} 行“说明”列：指标 6.3 无台账数据，人工评分须在说明中写明依据", e.ImportErrors.Select(x => x.ToString()));
    }
}

public sealed class ComputedWorkbookDataTestsOnSqlite() : ComputedWorkbookDataTests(DatabaseProvider.Sqlite);

public sealed class ComputedWorkbookDataTestsOnPostgres() : ComputedWorkbookDataTests(DatabaseProvider.Postgres);
