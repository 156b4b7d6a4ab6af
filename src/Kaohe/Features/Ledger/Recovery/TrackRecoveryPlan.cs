using Kaohe.Common.Charts;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>One month-end: principal and interest scheduled so far this year, and paid so far (null after the as-of date).</summary>
public sealed record PlanPoint(int Month, long PlannedFen, long? PaidFen);

public sealed record PlanVersusActual(int Year, DateOnly AsOf, long YearPlanFen, IReadOnlyList<PlanPoint> Months)
{
    public ChartSpec Chart() => new("ledger-plan", LedgerPageTexts.PlanTitle(Year),
        Months.Select(m => LedgerPageTexts.Month(m.Month)).ToList(),
        [
            new ChartSeries(LedgerPageTexts.YearPlan, Months.Select(_ => (decimal?)LedgerPageTexts.ToYuan(YearPlanFen)).ToList(), SeriesKind.Line),
            new ChartSeries(LedgerPageTexts.PlannedSoFar, Months.Select(m => (decimal?)LedgerPageTexts.ToYuan(m.PlannedFen)).ToList(), SeriesKind.Bar),
            new ChartSeries(LedgerPageTexts.PaidSoFar, Months.Select(m => m.PaidFen is { } p ? LedgerPageTexts.ToYuan(p) : (decimal?)null).ToList(), SeriesKind.Bar),
        ], LeftAxis: LedgerPageTexts.YuanUnit);
}

/// <summary>
/// Plan versus actual through a year: for each month-end, the cumulative amount due on the year's
/// instalments and the cumulative amount paid on them (实还日期 ≤ month-end and ≤ the as-of date,
/// never more than due — the 当年实还本息 definition applied month by month; paid before the year counts from January).
/// </summary>
public sealed class TrackRecoveryPlan(KaoheDbContext db)
{
    public async Task<PlanVersusActual> HandleAsync(int year, DateOnly asOf, UserScope scope, int? cityGroupId = null, int? unitId = null, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = db.CurrentInstalments(scope, cityGroupId, unitId).Where(i => i.DueDate >= from && i.DueDate <= to);
        var due = new long[13];
        var paid = new long[13];
        await foreach (var r in rows.Select(i => new { i.DueDate, Due = i.DuePrincipalFen + i.DueInterestFen, Paid = i.PaidPrincipalFen + i.PaidInterestFen, i.PaidDate }).AsAsyncEnumerable().WithCancellation(ct))
        {
            due[r.DueDate.Month] += r.Due;
            // Paid after the year's end is not paid by any of its month-ends.
            if (r.PaidDate is { } p && p <= asOf && p.Year <= year && r.Paid > 0) paid[p.Year < year ? 1 : p.Month] += Math.Min(r.Paid, r.Due);
        }
        var months = new List<PlanPoint>(12);
        long cumDue = 0, cumPaid = 0;
        for (var m = 1; m <= 12; m++)
        {
            cumDue += due[m];
            cumPaid += paid[m];
            var started = new DateOnly(year, m, 1) <= asOf;
            months.Add(new PlanPoint(m, cumDue, started ? cumPaid : null));
        }
        return new PlanVersusActual(year, asOf, cumDue, months);
    }
}
