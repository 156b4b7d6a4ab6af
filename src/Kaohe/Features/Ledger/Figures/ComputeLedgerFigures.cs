using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>
/// As of <see cref="AsOf"/>, for year <see cref="Year"/> (default: the as-of date's year); with <see cref="City"/>, the
/// unit rows of that city group only (the city and province rows stay whole).
/// </summary>
public sealed record LedgerFiguresRequest(DateOnly AsOf, int? Year = null, LedgerLevel By = LedgerLevel.Unit, int? City = null)
{
    public int EffectiveYear => Year ?? AsOf.Year;
}

/// <summary>
/// The ledger figures from the database: the current snapshots of the units the account sees, or
/// given snapshots. <see cref="ComputeFiguresFromFiles"/> feeds the same calculator from export files.
/// Everything is read over plain connections (<see cref="StoredLedger"/>, <see cref="InstalmentRowsReader"/>);
/// the context is used only for an expert's assigned units.
/// </summary>
public sealed class ComputeLedgerFigures(KaoheDbContext db, DatabaseTarget target)
{
    public async Task<LedgerReport> FromDatabaseAsync(LedgerFiguresRequest request, UserScope scope,
        IReadOnlyCollection<int>? snapshotIds = null, CancellationToken ct = default)
    {
        await using var conn = target.CreateConnection();
        await conn.OpenAsync(ct);
        var units = await UnitResolver.LoadAsync(conn, ct);
        var visible = scope.Role == Role.Expert
            ? (await db.UnitIdsVisibleTo(scope).ToListAsync(ct)).ToHashSet().Contains
            : units.VisibleTo(scope);
        var snapshots = (await StoredLedger.SnapshotsAsync(conn, snapshotIds, ct)).Where(s => visible(s.UnitId)).ToList();
        var calc = new LedgerCalculator(request.AsOf, request.EffectiveYear);
        foreach (var s in snapshots) calc.IncludeUnit(s.UnitId);
        var instalments = snapshots.Where(s => s.Kind == LedgerKind.Instalments).Select(s => new StoredSnapshot(s.Id, s.Rows)).ToList();
        if (instalments.Count > 0) await InstalmentRowsReader.ReadAsync(target, instalments, request.AsOf, calc, ct);
        await StoredLedger.AddContractsAsync(conn, snapshots.Where(s => s.Kind == LedgerKind.Contracts).Select(s => s.Id).ToList(), calc, ct);
        var report = LedgerReport.Build(request.AsOf, request.EffectiveYear, calc.Finish(), units, request.By);
        return request.City is not { } city ? report
            : report with
            {
                Rows = report.Rows.Where(r => r.Level != LedgerLevel.Unit || units.CityOf(r.UnitId!.Value) == city).ToList(),
                Overpaid = report.Overpaid.Where(o => units.CityOf(o.UnitId) == city).ToList(),
            };
    }
}

/// <summary>Tells a 合同台账 file from a 还款计划 file by its header row.</summary>
public static class LedgerFiles
{
    public static bool IsContracts(string path)
    {
        if (TabularFile.IsXlsx(path))
        {
            using var s = File.OpenRead(path);
            var first = XlsxRows.Read(s, path).FirstOrDefault();
            return first is not null && ContractFile.LooksLikeContracts(first.Values.Select(TabularFile.Cell).ToList());
        }
        using var stream = File.OpenRead(path);
        var csv = new CsvByteReader(stream, 1 << 16);
        return csv.Read() && ContractFile.LooksLikeContracts(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
    }
}
