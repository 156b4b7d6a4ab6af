using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A unit at the bottom of the ledger's drill-down: its figures over its current snapshots. A unit unknown or outside
/// the account's scope is NotFound.
/// </summary>
public sealed class ViewUnitLedger(KaoheDbContext db, ComputeLedgerFigures figures)
{
    public async Task<LedgerLevelView> HandleAsync(int unitId, DateOnly asOf, int? year, UserScope scope, CancellationToken ct = default)
    {
        var unit = await db.UnitsVisibleTo(scope).Where(u => u.Id == unitId).Select(u => new { u.Name, u.CityGroupId, City = u.CityGroup.Name }).FirstOrDefaultAsync(ct)
            ?? throw KaoheException.NotFound(LedgerPageTexts.NotFound);
        // The calculator works on the account's scope; narrowing it to the one unit keeps the work small.
        var narrowed = scope.NarrowedTo(unitId);
        var report = await LedgerLevels.UnitsAsync(figures, asOf, year, narrowed, ct);
        var totals = report.Rows.FirstOrDefault(r => r.UnitId == unitId)?.Totals ?? new LedgerTotals();
        return new LedgerLevelView(LedgerLevel.Unit, unitId, unit.Name, unit.CityGroupId, unit.City, asOf, report.Year, totals, []);
    }
}
