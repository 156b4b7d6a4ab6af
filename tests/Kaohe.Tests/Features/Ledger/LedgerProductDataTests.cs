using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Audit;
using Kaohe.Features.Ledger;
using Kaohe.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kaohe.Tests.Features.Ledger.LedgerFixtures;

namespace Kaohe.Tests.Features.Ledger;

/// <summary>Forecast, plan versus actual, borrower pages and the assessment's indicators on hand-made ledgers, on SQLite and PostgreSQL.</summary>
public abstract class LedgerProductDataTests(DatabaseProvider provider)
{
    // 中牟县: A due 2025 (900+100) and 2026 (1000+49); B due 2026 (500+20) and 2027 (700+7). 登封市: C due 2026 (300+10).
    private static string Schedules() =>
        Header +
        $"中牟县,F-A,{Id("410122200001010015")},张三,2025-12-20,900,100,0,0,\n" +
        $"中牟县,F-A,{Id("410122200001010015")},张三,2026-12-20,1000,49,0,0,\n" +
        $"中牟县,F-B,{Id("410122199905050021")},李四,2026-12-20,500,20,0,0,\n" +
        $"中牟县,F-B,{Id("410122199905050021")},李四,2027-12-20,700,7,0,0,\n" +
        $"登封市,F-C,{Id("410185200203030041")},赵六,2026-12-20,300.00,10.50,0,0,\n";

    private static async Task<TestDatabase> WithLedgerAsync(DatabaseProvider provider, string csv)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.Run<ImportLedger, LedgerImportResult>(h => h.HandleAsync(Write(Files.Csv(csv), "还款计划.csv"), UserScope.System));
        return db;
    }

    private static Task<int> UnitIdAsync(TestDatabase db, string name) => db.Query(c => c.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task Forecast_SumsTheYearsScheduledPrincipalAndInterest_PerUnit()
    {
        await using var db = await WithLedgerAsync(provider, Schedules());
        var all = await db.Run<ForecastRecovery, RecoveryForecast>(h => h.HandleAsync(2026, UserScope.System));
        var f = all with { Units = all.Units.Where(u => u.Unit is "中牟县" or "登封市").ToList() }; // the demo ledger covers other units
        Assert.Equal([("中牟县", 2, 1500_00L, 69_00L), ("登封市", 1, 300_00L, 10_50L)], f.Units.Select(u => (u.Unit, u.Borrowers, u.PrincipalFen, u.InterestFen)));
        Assert.Equal(1879_50L, f.Total.TotalFen);
    }

    [Fact]
    public async Task Forecast_ForACountyOperator_CoversOnlyItsUnit()
    {
        await using var db = await WithLedgerAsync(provider, Schedules());
        var dengfeng = await UnitIdAsync(db, "登封市");
        var f = await db.Run<ForecastRecovery, RecoveryForecast>(h => h.HandleAsync(2026, new UserScope(9, "op", Role.CountyOperator, dengfeng, null)));
        Assert.Equal("登封市", Assert.Single(f.Units).Unit);
    }

    [Fact]
    public async Task PlanVersusActual_CountsPaymentsByMonthEnd_UpToTheAsOfDate()
    {
        await using var db = await WithLedgerAsync(provider, Instalments());
        var zhongmu = await UnitIdAsync(db, "中牟县");
        var p = await db.Run<TrackRecoveryPlan, PlanVersusActual>(h => h.HandleAsync(2025, AsOf, UserScope.System, unitId: zhongmu));
        // Due in 2025: 200 on 01-15 (paid 07-01, after D), 100 on 06-01 (paid 01-10), 300 on 12-20 (prepaid 05-01).
        Assert.Equal(600_00, p.YearPlanFen);
        Assert.Equal([200_00L, 200_00, 200_00, 200_00, 200_00, 300_00, 300_00, 300_00, 300_00, 300_00, 300_00, 600_00], p.Months.Select(m => m.PlannedFen));
        Assert.Equal([100_00L, 100_00, 100_00, 100_00, 400_00, 400_00, null, null, null, null, null, null], p.Months.Select(m => m.PaidFen));
    }

    [Fact]
    public async Task Borrower_IsMaskedByDefault_AndItsClearViewIsAuditedNamingTheBorrower()
    {
        await using var db = await WithLedgerAsync(provider, Instalments());
        var zhongmu = await UnitIdAsync(db, "中牟县");
        var id = Id("410122199905050021");
        var key = await db.Run<PersonalDataProtector, long>(p => Task.FromResult(p.BorrowerKey(id)));
        var asOf = AsOf;

        var masked = await db.Run<ShowBorrower, BorrowerDetail>(h => h.HandleAsync(zhongmu, key, asOf, false, UserScope.System));
        Assert.Equal(id[..6] + "********" + id[^4..], masked.IdNumber);
        Assert.Equal(1000_00, masked.Position.OverdueFen);
        Assert.Equal("3年以上", masked.Position.Bucket);

        var auditBefore = await db.Query(c => c.AuditEntries.CountAsync(e => e.Action == AuditActions.Unmask));
        var reviewer = new UserScope(7, "city", Role.CityReviewer, null, await db.Query(c => c.Units.Where(u => u.Id == zhongmu).Select(u => u.CityGroupId).SingleAsync()));
        var refused = await Assert.ThrowsAsync<KaoheException>(() => db.Run<ShowBorrower, BorrowerDetail>(h => h.HandleAsync(zhongmu, key, asOf, true, reviewer)));
        Assert.Equal(ErrorKind.Forbidden, refused.Kind);
        Assert.Equal(auditBefore, await db.Query(c => c.AuditEntries.CountAsync(e => e.Action == AuditActions.Unmask)));

        var operatorScope = new UserScope(8, "zm", Role.CountyOperator, zhongmu, null);
        var clear = await db.Run<ShowBorrower, BorrowerDetail>(h => h.HandleAsync(zhongmu, key, asOf, true, operatorScope), actor: "zm");
        Assert.Equal(id, clear.IdNumber);
        var entry = await db.Query(c => c.AuditEntries.Where(e => e.Action == AuditActions.Unmask).OrderBy(e => e.Id).LastAsync());
        Assert.Equal(("zm", zhongmu, key.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Actor, entry.UnitId!.Value, entry.EntityId!));
        Assert.Contains("李四", entry.After, StringComparison.Ordinal);
        Assert.Contains("身份证号", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain(id, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicators_ForAUnitAndYear_GiveTheValueWithFormulaAndNumbers()
    {
        await using var db = await WithLedgerAsync(provider, Instalments());
        var zhongmu = await UnitIdAsync(db, "中牟县");
        var r = await db.Run<ComputeLedgerIndicators, LedgerIndicators>(h => h.HandleAsync(zhongmu, 2025, UserScope.System));
        // As of 2025-12-31: due 1000+1000+200+300 (A) + 500+500+100 (B) = 3600; overdue A 500 + B 1000 = 1500.
        Assert.Equal(new DateOnly(2025, 12, 31), r.AsOf);
        Assert.Equal(41.67m, r[ComputeLedgerIndicators.OverdueRate]!.Value);
        Assert.Equal("1,500.00 元 ÷ 3,600.00 元 = 41.67%", r[ComputeLedgerIndicators.OverdueRate]!.Numbers);
        Assert.Equal(100.00m, r[ComputeLedgerIndicators.RecoveryRate]!.Value); // 2025: 200 + 100 + 300 all paid by 12-31
        Assert.Equal(100.00m, r[ComputeLedgerIndicators.OverdueRateHeadcount]!.Value);
        Assert.Contains("累计逾期本息 ÷ 累计应还本息", r[ComputeLedgerIndicators.OverdueRate]!.Formula, StringComparison.Ordinal);
        // No 合同台账 was imported for 中牟县: its counts are unknown, not 0.
        Assert.Null(r[ComputeLedgerIndicators.ReceiptMissing]!.Value);
        Assert.Null(r[ComputeLedgerIndicators.GraduationUnconfirmed]!.Value);
    }

    [Fact]
    public async Task Indicators_OfAnotherCountysUnit_AreNotGivenToACountyOperator()
    {
        await using var db = await WithLedgerAsync(provider, Instalments());
        var zhongmu = await UnitIdAsync(db, "中牟县");
        var dengfeng = await UnitIdAsync(db, "登封市");
        var r = await Assert.ThrowsAsync<KaoheException>(() =>
            db.Run<ComputeLedgerIndicators, LedgerIndicators>(h => h.HandleAsync(zhongmu, 2025, new UserScope(9, "df", Role.CountyOperator, dengfeng, null))));
        Assert.Equal(ErrorKind.NotFound, r.Kind);
    }
}

public sealed class LedgerProductSqliteTests() : LedgerProductDataTests(DatabaseProvider.Sqlite);

public sealed class LedgerProductPostgresTests() : LedgerProductDataTests(DatabaseProvider.Postgres);
