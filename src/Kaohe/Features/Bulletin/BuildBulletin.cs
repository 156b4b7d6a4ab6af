using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Ledger;

namespace Kaohe.Features.Bulletin;

/// <summary>
/// The 回收数据通报's content for an as-of date: the engine's figures for the current snapshots the account sees, per
/// unit, grouped by city in the province's order, and the collection work per unit; last, the audit chain's head when it
/// was made, so a printed bulletin can be held against the chain later. The page shows it;
/// <see cref="BulletinFiles.Render"/> makes the docx, pdf or html file of it.
/// </summary>
public sealed class BuildBulletin(KaoheDbContext db, ComputeLedgerFigures figures, Collection.CollectionOverview collection)
{
    public async Task<BulletinModel> HandleAsync(DateOnly asOf, int? year, UserScope scope, CancellationToken ct = default)
    {
        var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Unit), scope, ct: ct);
        var units = report.Rows.Where(r => r.Level == LedgerLevel.Unit)
            .Select((r, i) => new BulletinUnit(r.Name, r.City, i, Figures(r.Totals))).ToList();
        var cities = units.GroupBy(u => u.City) // rows come in the province's order, so groups do too
            .Select(g => new BulletinCity(g.Key, BulletinFigures.Sum(g.Select(u => u.Figures)), g.ToList())).ToList();
        var province = report.Rows.Single(r => r.Level == LedgerLevel.Province).Totals;
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        var work = (await collection.HandleAsync(scope, ct: ct)).Units
            .Select(u => new BulletinCollection(u.UnitName, u.City, u.OpenCases, u.OverdueFen / 100m, u.NeverContacted, u.ContactedInPeriod, u.ContactedShare,
                u.PromisesMade, u.KeptShare, u.Lost)).ToList();
        return new BulletinModel(report.Year, asOf, today, BulletinTexts.DefaultIssuer, Figures(province), cities, work, await AuditTrail.HeadAsync(db, ct));
    }

    private static BulletinFigures Figures(LedgerTotals t) => new(
        t.YearDue / 100m, t.YearPaid / 100m, t.CumulativeDue / 100m, t.CumulativeOverdue / 100m, t.InRepayment, t.Overdue);
}
