using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;

namespace Kaohe.Features.Ledger.Bulletin;

public enum BulletinFormat { Html, Docx, Pdf }

/// <summary>
/// The 回收数据通报 for an as-of date: the engine's figures for the current snapshots the account
/// sees, per unit, grouped by city in the province's order, rendered in the chosen format.
/// </summary>
public sealed class BuildBulletin(KaoheDbContext db, ComputeLedgerFigures figures, Collection.CollectionOverview collection)
{
    public async Task<BulletinModel> ModelAsync(DateOnly asOf, int? year, UserScope scope, CancellationToken ct = default)
    {
        var report = await figures.FromDatabaseAsync(new LedgerFiguresRequest(asOf, year, LedgerLevel.Unit), scope, ct: ct);
        var units = report.Rows.Where(r => r.Level == LedgerLevel.Unit)
            .Select((r, i) => new BulletinUnit(r.Name, r.City, i, Figures(r.Totals))).ToList();
        var cities = units.GroupBy(u => u.City) // rows come in the province's order, so groups do too
            .Select(g => new BulletinCity(g.Key, BulletinFigures.Sum(g.Select(u => u.Figures)), g.ToList())).ToList();
        var province = report.Rows.Single(r => r.Level == LedgerLevel.Province).Totals;
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        var work = (await collection.HandleAsync(scope, ct: ct)).Units
            .Select(u => new BulletinCollection(u.UnitName, u.City, u.OpenCases, u.OverdueFen / 100m, u.NeverContacted, u.ContactedLast30Days, u.ContactedShare,
                u.PromisesMade, u.KeptShare, u.Lost)).ToList();
        return new BulletinModel(report.Year, asOf, today, BulletinTexts.DefaultIssuer, Figures(province), cities, work);
    }

    public async Task<byte[]> HandleAsync(DateOnly asOf, int? year, BulletinFormat format, UserScope scope, string? echartsUrl = null, CancellationToken ct = default)
    {
        var model = await ModelAsync(asOf, year, scope, ct);
        return format switch
        {
            BulletinFormat.Docx => BulletinDocx.Document(model),
            BulletinFormat.Pdf => BulletinPdf.Document(model),
            _ => BulletinHtml.Document(model, echartsUrl),
        };
    }

    public static BulletinFigures Figures(LedgerTotals t) => new(
        t.YearDue / 100m, t.YearPaid / 100m, t.CumulativeDue / 100m, t.CumulativeOverdue / 100m, t.InRepayment, t.Overdue);

    public static bool TryParseFormat(string? text, out BulletinFormat format) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out format) && Enum.IsDefined(format);

    public static string ContentType(BulletinFormat f) => f switch
    {
        BulletinFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        BulletinFormat.Pdf => "application/pdf",
        _ => "text/html; charset=utf-8",
    };

    public static string FileName(DateOnly asOf, BulletinFormat f) =>
        $"回收数据通报-{asOf:yyyyMMdd}.{f.ToString().ToLowerInvariant()}";
}
