using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>
/// A city of the ledger's drill-down: its figures over the current snapshots of its units the account may see, and
/// those units ranked. A city with no unit in the account's scope is NotFound.
/// </summary>
public sealed class ViewCityLedger(KaoheDbContext db, ComputeLedgerFigures figures)
{
    public async Task<LedgerLevelView> HandleAsync(int cityGroupId, DateOnly asOf, int? year, UserScope scope, CancellationToken ct = default)
    {
        var city = await db.UnitsVisibleTo(scope).Where(u => u.CityGroupId == cityGroupId).Select(u => u.CityGroup.Name).FirstOrDefaultAsync(ct)
            ?? throw KaoheException.NotFound(LedgerPageTexts.NotFound);
        var report = await LedgerLevels.UnitsAsync(figures, asOf, year, scope, ct);
        var rows = report.Rows.Where(r => r.Level == LedgerLevel.Unit && r.City == city).ToList();
        return new LedgerLevelView(LedgerLevel.City, cityGroupId, city, cityGroupId, city, asOf, report.Year, LedgerLevels.Sum(rows.Select(r => r.Totals)),
            LedgerLevels.Rank(rows.Select(r => (r.UnitId!.Value, r.Name, r.Totals))));
    }
}
