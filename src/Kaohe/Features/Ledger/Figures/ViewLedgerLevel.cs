using Kaohe.Common.Charts;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>A city (at the province level) or a unit (at the city level) with its place in both rankings.</summary>
public sealed record LedgerChild(int Id, string Name, LedgerTotals Totals, int? RecoveryRank, int? OverdueRank);

/// <summary>One level of the drill-down (province → city → unit): its own figures and its children ranked.</summary>
/// <remarks><see cref="Units"/>: at the province level, every unit's figures too (for the map); empty below it.</remarks>
public sealed record LedgerLevelView(LedgerLevel Level, int? Id, string Name, int? CityGroupId, string? City, DateOnly AsOf, int Year,
    LedgerTotals Totals, IReadOnlyList<LedgerChild> Children, IReadOnlyList<LedgerFigureRow>? Units = null)
{
    public ChartSpec RankingChart() => new("ledger-ranking", $"{Name}各{(Level == LedgerLevel.Province ? "市" : "单位")}当年本息回收率与逾期率",
        Children.Select(c => c.Name).ToList(),
        [
            new ChartSeries("当年本息回收率", Children.Select(c => c.Totals.YearRecoveryRate).ToList()),
            new ChartSeries("逾期率(金额)", Children.Select(c => c.Totals.OverdueRateAmount).ToList()),
            new ChartSeries("逾期率(人数)", Children.Select(c => c.Totals.OverdueRateHeadcount).ToList(), SeriesKind.Line),
        ], LeftAxis: "%", Horizontal: Children.Count > 12);

    public ChartSpec AgingChart() => new("ledger-aging", $"{Name}逾期账龄分布",
        LedgerTotals.BucketNames,
        [
            new ChartSeries("逾期人数", Totals.BucketBorrowers.Select(b => (decimal?)b).ToList()),
            new ChartSeries("逾期本息（元）", Totals.BucketAmount.Select(a => (decimal?)LedgerPageTexts.ToYuan(a)).ToList(), SeriesKind.Line, OnRightAxis: true),
        ], LeftAxis: "人", RightAxis: "元");
}

/// <summary>
/// The figures of one level, computed by the ledger's calculator (<see cref="ComputeLedgerFigures"/>) over
/// the current snapshots the account may see. Out of scope or unknown → null (the caller answers 404).
/// </summary>
public sealed class ViewLedgerLevel(KaoheDbContext db, ComputeLedgerFigures figures)
{
    public async Task<LedgerLevelView> ProvinceAsync(DateOnly asOf, int? year, UserScope scope, CancellationToken ct = default)
    {
        // Per unit, rolled up to the cities here: the calculator's work is the same, and the map needs the units.
        var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Unit), scope, ct: ct);
        var cityIds = await db.CityGroups.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var units = report.Rows.Where(r => r.Level == LedgerLevel.Unit).ToList();
        var cities = units.GroupBy(r => r.City).Select(g =>
        {
            var totals = new LedgerTotals();
            foreach (var r in g) totals.Add(r.Totals);
            return (cityIds[g.Key], g.Key, totals);
        });
        return new LedgerLevelView(LedgerLevel.Province, null, "全省", null, null, asOf, report.Year, Province(report), Rank(cities), units);
    }

    public async Task<LedgerLevelView?> CityAsync(int cityGroupId, DateOnly asOf, int? year, UserScope scope, CancellationToken ct = default)
    {
        var city = await db.UnitsVisibleTo(scope).Where(u => u.CityGroupId == cityGroupId).Select(u => u.CityGroup.Name).FirstOrDefaultAsync(ct);
        if (city is null) return null;
        var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Unit), scope, ct: ct);
        var rows = report.Rows.Where(r => r.Level == LedgerLevel.Unit && r.City == city).ToList();
        var totals = new LedgerTotals();
        foreach (var r in rows) totals.Add(r.Totals);
        return new LedgerLevelView(LedgerLevel.City, cityGroupId, city, cityGroupId, city, asOf, report.Year, totals, Rank(rows.Select(r => (r.UnitId!.Value, r.Name, r.Totals))));
    }

    public async Task<LedgerLevelView?> UnitAsync(int unitId, DateOnly asOf, int? year, UserScope scope, CancellationToken ct = default)
    {
        var unit = await db.UnitsVisibleTo(scope).Where(u => u.Id == unitId).Select(u => new { u.Name, u.CityGroupId, City = u.CityGroup.Name }).FirstOrDefaultAsync(ct);
        if (unit is null) return null;
        // The calculator works on the account's scope; narrowing it to the one unit keeps the work small.
        var narrowed = new UserScope(scope.UserId, scope.UserName, Role.CountyOperator, unitId, null);
        var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Unit), narrowed, ct: ct);
        var totals = report.Rows.FirstOrDefault(r => r.UnitId == unitId)?.Totals ?? new LedgerTotals();
        return new LedgerLevelView(LedgerLevel.Unit, unitId, unit.Name, unit.CityGroupId, unit.City, asOf, report.Year, totals, []);
    }

    private static LedgerTotals Province(LedgerReport report) => report.Rows.Single(r => r.Level == LedgerLevel.Province).Totals;

    // Competition ranks (1, 2, 2, 4) on the printed rates: recovery highest first, overdue lowest first.
    private static List<LedgerChild> Rank(IEnumerable<(int Id, string Name, LedgerTotals Totals)> rows)
    {
        var list = rows.ToList();
        var recovery = Ranks(list.Select(r => r.Totals.YearRecoveryRate).ToList(), descending: true);
        var overdue = Ranks(list.Select(r => r.Totals.OverdueRateAmount).ToList(), descending: false);
        return list.Select((r, i) => new LedgerChild(r.Id, r.Name, r.Totals, recovery[i], overdue[i])).ToList();
    }

    internal static int?[] Ranks(IReadOnlyList<decimal?> rates, bool descending) =>
        rates.Select(r => r is not { } v ? (int?)null : 1 + rates.Count(o => o is { } w && (descending ? w > v : w < v))).ToArray();
}
