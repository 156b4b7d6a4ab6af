using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

public sealed record ForecastLine(int UnitId, string Unit, string City, int Borrowers, long PrincipalFen, long InterestFen)
{
    public long TotalFen => PrincipalFen + InterestFen;
}

public sealed record RecoveryForecast(int Year, IReadOnlyList<ForecastLine> Units)
{
    public ForecastLine Total => new(0, LedgerPageTexts.Total, "", Units.Sum(u => u.Borrowers), Units.Sum(u => u.PrincipalFen), Units.Sum(u => u.InterestFen));
}

/// <summary>
/// The recovery forecast the notice asks each county to plan from: principal and interest falling due
/// in a year, per unit, straight from the current repayment schedules (还款计划) — what is scheduled,
/// not what is expected to be paid; arrears of earlier years are not included.
/// </summary>
public sealed class ForecastRecovery(KaoheDbContext db)
{
    public async Task<RecoveryForecast> HandleAsync(int year, UserScope scope, int? cityGroupId = null, int? unitId = null, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var rows = db.CurrentInstalments(scope, cityGroupId, unitId).Where(i => i.DueDate >= from && i.DueDate <= to);
        var sums = await rows.GroupBy(i => i.UnitId)
            .Select(g => new { UnitId = g.Key, Borrowers = g.Select(i => i.BorrowerKey).Distinct().Count(), Principal = g.Sum(i => i.DuePrincipalFen), Interest = g.Sum(i => i.DueInterestFen) })
            .ToListAsync(ct);
        var units = db.UnitsVisibleTo(scope);
        if (cityGroupId is { } c) units = units.Where(x => x.CityGroupId == c);
        if (unitId is { } only) units = units.Where(x => x.Id == only);
        var names = await units.OrderBy(x => x.CityGroup.SortOrder).ThenBy(x => x.SortOrder)
            .Select(x => new { x.Id, x.Name, City = x.CityGroup.Name }).ToListAsync(ct);
        var byUnit = sums.ToDictionary(s => s.UnitId);
        var lines = names.Where(n => byUnit.ContainsKey(n.Id)).Select(n =>
        {
            var s = byUnit[n.Id];
            return new ForecastLine(n.Id, n.Name, n.City, s.Borrowers, s.Principal, s.Interest);
        }).ToList();
        return new RecoveryForecast(year, lines);
    }
}
