using Kaohe.Common.Charts;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger;

/// <summary>A city (at the province level) or a unit (at the city level) with its place in both rankings.</summary>
public sealed record LedgerChild(int Id, string Name, LedgerTotals Totals, int? RecoveryRank, int? OverdueRank);

/// <summary>One level of the drill-down (province → city → unit): its own figures and its children ranked.</summary>
/// <remarks><see cref="Units"/>: at the province level, every unit's figures too (for the map); empty below it.</remarks>
public sealed record LedgerLevelView(LedgerLevel Level, int? Id, string Name, int? CityGroupId, string? City, DateOnly AsOf, int Year,
    LedgerTotals Totals, IReadOnlyList<LedgerChild> Children, IReadOnlyList<LedgerFigureRow>? Units = null)
{
    public ChartSpec RankingChart() => new("ledger-ranking", LedgerPageTexts.RankingTitle(Name, Level == LedgerLevel.Province),
        Children.Select(c => c.Name).ToList(),
        [
            new ChartSeries(LedgerPageTexts.RecoveryRate, Children.Select(c => c.Totals.YearRecoveryRate).ToList()),
            new ChartSeries(LedgerPageTexts.OverdueRateAmount, Children.Select(c => c.Totals.OverdueRateAmount).ToList()),
            new ChartSeries(LedgerPageTexts.OverdueRateHeadcount, Children.Select(c => c.Totals.OverdueRateHeadcount).ToList(), SeriesKind.Line),
        ], LeftAxis: "%", Horizontal: Children.Count > 12);

    public ChartSpec AgingChart() => new("ledger-aging", LedgerPageTexts.AgingTitle(Name),
        LedgerTotals.BucketNames,
        [
            new ChartSeries(LedgerPageTexts.OverdueBorrowers, Totals.BucketBorrowers.Select(b => (decimal?)b).ToList()),
            new ChartSeries(LedgerPageTexts.OverdueYuan, Totals.BucketAmount.Select(a => (decimal?)LedgerPageTexts.ToYuan(a)).ToList(), SeriesKind.Line, OnRightAxis: true),
        ], LeftAxis: LedgerPageTexts.People, RightAxis: LedgerPageTexts.YuanUnit);
}

/// <summary>Ranks a level's children and totals their figures; the three level views share it.</summary>
internal static class LedgerLevels
{
    /// <summary>The unit rows of the units the scope sees, as of the request's date, from the ledger's calculator.</summary>
    public static async Task<LedgerReport> UnitsAsync(ComputeLedgerFigures figures, DateOnly asOf, int? year, UserScope scope, CancellationToken ct) =>
        await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Unit), scope, ct: ct);

    public static LedgerTotals Sum(IEnumerable<LedgerTotals> parts)
    {
        var totals = new LedgerTotals();
        foreach (var t in parts) totals.Add(t);
        return totals;
    }

    // Competition ranks (1, 2, 2, 4) on the printed rates: recovery highest first, overdue lowest first.
    public static List<LedgerChild> Rank(IEnumerable<(int Id, string Name, LedgerTotals Totals)> rows)
    {
        var list = rows.ToList();
        var recovery = Ranks(list.Select(r => r.Totals.YearRecoveryRate).ToList(), descending: true);
        var overdue = Ranks(list.Select(r => r.Totals.OverdueRateAmount).ToList(), descending: false);
        return list.Select((r, i) => new LedgerChild(r.Id, r.Name, r.Totals, recovery[i], overdue[i])).ToList();
    }

    internal static int?[] Ranks(IReadOnlyList<decimal?> rates, bool descending) =>
        rates.Select(r => r is not { } v ? (int?)null : 1 + rates.Count(o => o is { } w && (descending ? w > v : w < v))).ToArray();
}
