using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>
/// The top of the ledger's drill-down: the province's figures over the current snapshots the account may see, its
/// cities ranked, and every unit's figures (for the map).
/// </summary>
public sealed class ViewProvinceLedger(KaoheDbContext db, ComputeLedgerFigures figures)
{
    public async Task<LedgerLevelView> HandleAsync(DateOnly asOf, int? year, UserScope scope, CancellationToken ct = default)
    {
        // Per unit, rolled up to the cities here: the calculator's work is the same, and the map needs the units.
        var report = await LedgerLevels.UnitsAsync(figures, asOf, year, scope, ct);
        var cityIds = await db.CityGroups.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var units = report.Rows.Where(r => r.Level == LedgerLevel.Unit).ToList();
        var cities = units.GroupBy(r => r.City).Select(g => (cityIds[g.Key], g.Key, LedgerLevels.Sum(g.Select(r => r.Totals))));
        var province = report.Rows.Single(r => r.Level == LedgerLevel.Province).Totals;
        return new LedgerLevelView(LedgerLevel.Province, null, LedgerPageTexts.Province, null, null, asOf, report.Year, province, LedgerLevels.Rank(cities), units);
    }
}
