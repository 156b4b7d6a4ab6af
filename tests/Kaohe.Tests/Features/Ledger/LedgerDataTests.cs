using System.Text;
using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Assessment;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>Ledger import and figures on a real database, run once on SQLite and once on PostgreSQL.</summary>
public abstract class LedgerDataTests(DatabaseProvider provider)
{
    private static readonly LedgerFiguresRequest Request = new(AsOf);

    [Fact]
    public async Task HandMadeLedger_FromFileAndFromDatabase_GivesTheWorkedOutFigures()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var path = Write(Files.Csv(Instalments()), "还款计划.csv");
        var fromFile = await db.Run<ComputeFiguresFromFiles, LedgerReport>(h => h.HandleAsync([path], Request, UserScope.System));
        AssertZhongmu(Unit(fromFile, "中牟县"));
        AssertNothingDue(Unit(fromFile, "登封市"));

        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System));
        var fromDb = await db.Run<ComputeLedgerFigures, LedgerReport>(h => h.FromDatabaseAsync(Request, UserScope.System));
        AssertZhongmu(Unit(fromDb, "中牟县"));
        AssertNothingDue(Unit(fromDb, "登封市"));
    }

    [Fact]
    public async Task FiguresFromFiles_KeepToTheAccountsUnits_AndSendExpertsToThePages()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var path = Write(Files.Csv(Instalments()), "还款计划.csv");
        var zhongmu = await db.Query(c => c.Units.Where(u => u.Name == "中牟县").Select(u => new { u.Id, u.CityGroupId }).SingleAsync());
        var city = new UserScope(7, "zz", Role.CityReviewer, null, zhongmu.CityGroupId); // 郑州市 holds 中牟县 and 登封市
        Assert.Equal(["中牟县", "登封市"], (await db.Run<ComputeFiguresFromFiles, LedgerReport>(h => h.HandleAsync([path], Request, city))).Rows.SkipLast(1).Select(r => r.Name));
        var county = new UserScope(8, "zm", Role.CountyOperator, zhongmu.Id, null);
        var refused = await Assert.ThrowsAsync<ImportRejectedException>(() => db.Run<ComputeFiguresFromFiles, LedgerReport>(h => h.HandleAsync([path], Request, county)));
        Assert.Equal([(10, "县级单位")], refused.ImportErrors.Select(e => (e.Row, e.Column)));   // the 登封市 row only
        var expert = new UserScope(9, "ex", Role.Expert, null, null);
        var forbidden = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ComputeFiguresFromFiles, LedgerReport>(h => h.HandleAsync([path], Request, expert)));
        Assert.Equal(ErrorKind.Forbidden, forbidden.Kind);
    }

    [Fact]
    public async Task FiguresFromDatabase_ShowAnExpertOnlyTheUnitsAssignedInAnOpenCampaign()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(Instalments()), "还款计划.csv"), UserScope.System));
        var expert = await db.Query(async c =>
        {
            var user = await c.Users.SingleAsync(u => u.UserName == "expert");
            var zhongmu = await c.Units.Where(u => u.Name == "中牟县").Select(u => u.Id).SingleAsync();
            var campaign = new Campaign { Year = 2025, Title = "2025 年度考核（测试）", Status = CampaignStatus.Open };
            c.Campaigns.Add(campaign);
            await c.SaveChangesAsync();
            c.ExpertAssignments.Add(new ExpertAssignment { CampaignId = campaign.Id, ExpertUserId = user.Id, UnitId = zhongmu });
            await c.SaveChangesAsync();
            return new UserScope(user.Id, user.UserName, Role.Expert, null, null);
        });
        var report = await db.Run<ComputeLedgerFigures, LedgerReport>(h => h.FromDatabaseAsync(Request, expert));
        Assert.Equal(["中牟县"], report.Rows.SkipLast(1).Select(r => r.Name)); // 登封市's rows are in the same file
        AssertZhongmu(Unit(report, "中牟县"));
    }

    [Fact]
    public async Task Contracts_CountMissingReceiptsAndUnconfirmedGraduates_FromFileAndDatabase()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var path = Write(Files.Csv(Contracts(), bom: true), "合同台账.csv");
        var fromFile = Unit(await db.Run<ComputeFiguresFromFiles, LedgerReport>(h => h.HandleAsync([path], Request, UserScope.System)), "中牟县");
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System));
        var fromDb = Unit(await db.Run<ComputeLedgerFigures, LedgerReport>(h => h.FromDatabaseAsync(Request, UserScope.System)), "中牟县");
        foreach (var t in new[] { fromFile, fromDb })
        {
            Assert.Equal(2, t.ReceiptMissing);
            Assert.Equal(1, t.GraduationUnconfirmed);
        }
        var stored = await db.Query(c => c.Contracts.SingleAsync(x => x.ContractNumber == "K1"));
        Assert.DoesNotContain("410122", Encoding.UTF8.GetString(stored.IdNumberCipher), StringComparison.Ordinal);
        Assert.DoesNotContain("138", Encoding.UTF8.GetString(stored.PhoneCipher!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task XlsxAndGbkFiles_GiveTheSameFiguresAsUtf8Csv()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var gbk = Write(Files.Csv(Instalments(), gbk: true), "还款计划-gbk.csv");
        var table = Files.Table(Files.Csv(Instalments()));
        var xlsxPath = Path.Combine(Path.GetDirectoryName(gbk)!, "还款计划.xlsx");
        MiniExcel.SaveAs(xlsxPath, table.Rows.Select(r => table.Headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => (object)x.Item2)));
        foreach (var path in new[] { gbk, xlsxPath })
        {
            var report = await db.Run<ComputeFiguresFromFiles, LedgerReport>(h => h.HandleAsync([path], Request, UserScope.System));
            AssertZhongmu(Unit(report, "中牟县"));
        }
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(xlsxPath, UserScope.System));
        var stored = await db.Query(c => c.Instalments.Where(i => i.ContractNumber == "HT-B-1").Select(i => i.BorrowerName).FirstAsync());
        Assert.Equal("李四", stored);
        AssertZhongmu(Unit(await db.Run<ComputeLedgerFigures, LedgerReport>(h => h.FromDatabaseAsync(Request, UserScope.System)), "中牟县"));
    }

    private static string Xlsx(string csv, string name)
    {
        var table = Files.Table(Files.Csv(csv));
        var path = Path.Combine(TestFolders.Create("kaohe-ledger-"), name);
        MiniExcel.SaveAs(path, table.Rows.Select(r => table.Headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => (object)x.Item2)));
        return path;
    }

    [Fact]
    public async Task BadRows_AreEachReportedByRowAndColumn_AndNothingIsWritten()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var good = Instalments();
        var bad = good
            + $"不存在县,HT-X,{Id("410122200001010015")},张三,2024-12-20,1,0,0,0,\n"                  // row 11: unknown unit
            + "中牟县,HT-Y,410122200001010016,钱七,2024-12-20,1,0,0,0,\n"                               // row 12: check digit
            + $"中牟县,HT-Z,{Id("410122200001010025")},孙八,2024-02-30,1.005,0,2,0,\n"                 // row 13: date, amount, paid
            + $"中牟县,HT-A-1,{Id("410122200001010015")},张三,2024-12-20,900.00,100.00,400.00,100.00,2024-12-20\n"; // row 14: duplicate
        var path = Write(Files.Csv(bad), "还款计划-有错.csv");
        var before = await db.Query(c => c.Instalments.CountAsync());
        var e = await Assert.ThrowsAsync<ImportRejectedException>(() => db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System)));
        var listed = e.ImportErrors.Select(x => x.ToString()).ToList();
        Assert.Contains(listed, m => m.StartsWith("第 11 行“县级单位”列", StringComparison.Ordinal));
        Assert.Contains(listed, m => m.StartsWith("第 12 行“身份证号”列", StringComparison.Ordinal));
        Assert.Contains(listed, m => m.StartsWith("第 13 行“应还日期”列", StringComparison.Ordinal));
        Assert.Contains(listed, m => m.StartsWith("第 13 行“应还本金”列", StringComparison.Ordinal));
        Assert.Contains(listed, m => m.StartsWith("第 13 行“实还日期”列", StringComparison.Ordinal));
        Assert.Contains(listed, m => m.StartsWith("第 14 行“应还日期”列", StringComparison.Ordinal));
        Assert.Equal(before, await db.Query(c => c.Instalments.CountAsync()));
        Assert.Equal(0, await db.Query(c => c.LedgerSnapshots.CountAsync(s => s.SourceFileName == "还款计划-有错.csv")));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("gbk")]
    [InlineData("xlsx")]
    public async Task RowsPaidAboveTheirDue_AreImportedAsPaid_CountedUpToTheDue_AndReportedPerUnit(string format)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var path = format == "xlsx" ? Xlsx(OverpaidInstalments(), "还款计划-罚息.xlsx") : Write(Files.Csv(OverpaidInstalments(), gbk: format == "gbk"), "还款计划-罚息.csv");

        var fromFile = await db.Run<ComputeFiguresFromFiles, LedgerReport>(h => h.HandleAsync([path], Request, UserScope.System));
        var imported = await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(path, UserScope.System));
        var fromDb = await db.Run<ComputeLedgerFigures, LedgerReport>(h => h.FromDatabaseAsync(Request, UserScope.System));

        Assert.Equal(6, imported.Rows);
        Assert.Equal([("中牟县", 3, 140_50L), ("登封市", 2, 50_01L)], imported.Overpaid.Select(o => (o.Unit, o.Rows, o.Fen)));
        Assert.Equal("提示：5 行实还本息超过应还（罚息及多还），共 190.51 元；已按实还原样保存，超出部分不计入回收额：", imported.Warnings[0]);
        Assert.Equal("  中牟县：3 行，140.50 元", imported.Warnings[1]);
        foreach (var report in new[] { fromFile, fromDb })
        {
            var zhongmu = Unit(report, "中牟县");
            Assert.Equal((157_000L, 150_000L), (zhongmu.YearDue, zhongmu.YearPaid));   // 520 + 1050 due; 520 + 980 counted
            Assert.Equal((257_000L, 7_000L), (zhongmu.CumulativeDue, zhongmu.CumulativeOverdue)); // G is short 70 in all
            Assert.Equal(new Overpaid(2, 135_50), zhongmu.Overpaid);                   // E's row due after D is not in the figures
            Assert.Equal(new Overpaid(1, 1), Unit(report, "登封市").Overpaid);
            Assert.Equal(100.00m, Unit(report, "登封市").YearRecoveryRate);
            Assert.Equal(new Overpaid(3, 135_51), report.Rows[^1].Totals.Overpaid);
            Assert.Equal([("中牟县", 2, 135_50L), ("登封市", 1, 1L)], report.Overpaid.Select(o => (o.Unit, o.Rows, o.Fen)));
            Assert.Equal(["罚息及多还行数", "罚息及多还金额"], LedgerReport.Headers[^2..]);
            Assert.Equal(["2", "135.50"], report.Cells().First(c => c[0] == "中牟县")[^2..]);
        }
        var stored = await db.Query(c => c.Instalments.Where(i => i.ContractNumber == "HT-E-1").OrderBy(i => i.DueDate)
            .Select(i => new { i.PaidPrincipalFen, i.PaidInterestFen }).ToListAsync());
        Assert.Equal((90_000L, 13_550L), (stored[0].PaidPrincipalFen, stored[0].PaidInterestFen));  // what was paid, not what was due
        Assert.Equal(60_000L, stored[1].PaidPrincipalFen);
    }

    [Fact]
    public async Task SameFileTwice_ChangesNothing_AndANewerExportReplacesOnlyItsUnits()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var first = Write(Files.Csv(Instalments()), "还款计划-1.csv");
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(first, UserScope.System));
        var count = await db.Query(c => c.Instalments.CountAsync());
        var again = await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(first, UserScope.System));
        Assert.Equal((0, 2), (again.UnitsReplaced, again.UnitsUnchanged));
        Assert.Equal(count, await db.Query(c => c.Instalments.CountAsync()));

        // The newer export of 中牟县 alone: B has now paid 2021 in full.
        var newer = Header + $"中牟县,HT-B-1,{Id("410122199905050021")},李四,2021-12-20,450.00,50.00,450.00,50.00,2025-03-01\n";
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(newer), "还款计划-2.csv"), UserScope.System));
        var now = await db.Run<ComputeLedgerFigures, LedgerReport>(h => h.FromDatabaseAsync(Request, UserScope.System));
        Assert.Equal(0, Unit(now, "中牟县").CumulativeOverdue);
        AssertNothingDue(Unit(now, "登封市"));
        var oldIds = await db.Query(c => c.LedgerSnapshots.Where(s => s.SourceFileName == "还款计划-1.csv").Select(s => s.Id).ToListAsync());
        var earlier = await db.Run<ComputeLedgerFigures, LedgerReport>(h => h.FromDatabaseAsync(Request, UserScope.System, oldIds));
        AssertZhongmu(Unit(earlier, "中牟县"));
    }

    [Fact]
    public async Task GeneratedLedger_FileAndDatabaseFigures_Agree()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var folder = TestFolders.Create("kaohe-gen-");
        var units = (await db.Query(c => GenerateDemoLedger.RegistryUnitsAsync(c, default))).Skip(10).Take(3).ToList();
        var files = LedgerGenerator.Generate(folder, 6000, 42, units, new DateOnly(2025, 12, 31));
        var request = new LedgerFiguresRequest(new DateOnly(2025, 9, 30), null, LedgerLevel.Unit);
        var fromFiles = await db.Run<ComputeFiguresFromFiles, LedgerReport>(h => h.HandleAsync([files.InstalmentsPath, files.ContractsPath], request, UserScope.System));
        foreach (var f in new[] { files.InstalmentsPath, files.ContractsPath }) await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(f, UserScope.System));
        var fromDb = await db.Run<ComputeLedgerFigures, LedgerReport>(h => h.FromDatabaseAsync(request, UserScope.System));
        var names = units.Select(u => u.Name).ToHashSet();
        string[][] Lines(LedgerReport r) => r.Cells().Where(c => names.Contains(c[0])).ToArray();
        Assert.Equal(3, Lines(fromFiles).Length);
        Assert.Equal(Lines(fromFiles), Lines(fromDb));
        Assert.True(Unit(fromDb, units[0].Name).Overdue > 0);
        Assert.True(Unit(fromDb, units[0].Name).ReceiptMissing > 0);
    }
}

public sealed class SqliteLedgerDataTests() : LedgerDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresLedgerDataTests() : LedgerDataTests(DatabaseProvider.Postgres);
