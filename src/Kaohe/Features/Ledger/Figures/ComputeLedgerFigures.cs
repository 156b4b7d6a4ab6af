using System.Data.Common;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>As of <see cref="AsOf"/>, for year <see cref="Year"/> (default: the as-of date's year).</summary>
public sealed record LedgerFiguresRequest(DateOnly AsOf, int? Year = null, LedgerLevel By = LedgerLevel.Unit)
{
    public int EffectiveYear => Year ?? AsOf.Year;
}

/// <summary>
/// The ledger figures from the database: the current snapshots of the units the account sees, or
/// given snapshots. <see cref="ComputeFiguresFromFiles"/> feeds the same calculator from export files.
/// </summary>
public sealed class ComputeLedgerFigures(KaoheDbContext db, DatabaseTarget target)
{
    public async Task<LedgerReport> FromDatabaseAsync(LedgerFiguresRequest request, UserScope scope,
        IReadOnlyCollection<int>? snapshotIds = null, CancellationToken ct = default)
    {
        var units = await UnitResolver.LoadAsync(db, ct);
        var visible = db.UnitIdsVisibleTo(scope);
        var snapshots = await db.LedgerSnapshots.Where(s => visible.Contains(s.UnitId))
            .Where(s => snapshotIds == null ? s.SupersededAtUtc == null : snapshotIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Kind, s.UnitId, s.RowCount }).ToListAsync(ct);
        var calc = new LedgerCalculator(request.AsOf, request.EffectiveYear);
        foreach (var s in snapshots) calc.IncludeUnit(s.UnitId);
        var instalments = snapshots.Where(s => s.Kind == LedgerKind.Instalments).Select(s => new StoredSnapshot(s.Id, s.RowCount)).ToList();
        if (instalments.Count > 0) await InstalmentRowsReader.ReadAsync(target, instalments, request.AsOf, calc, ct);
        var contractIds = snapshots.Where(s => s.Kind == LedgerKind.Contracts).Select(s => s.Id).ToList();
        await foreach (var c in db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.SnapshotId))
            .Select(c => new { c.UnitId, c.BorrowerKey, c.SchoolYear, c.Status, c.ReceiptEnteredOn, Graduation = c.EnrolmentYear + c.StudyYears, c.GraduationConfirmedOn })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            calc.AddContract(c.UnitId, c.BorrowerKey, c.SchoolYear, c.Status, c.ReceiptEnteredOn?.DayNumber ?? -1, c.Graduation, c.GraduationConfirmedOn?.DayNumber ?? -1);
        }
        return LedgerReport.Build(request.AsOf, request.EffectiveYear, calc.Finish(), units, request.By);
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
            var first = MiniExcelLibs.MiniExcel.Query(s, useHeaderRow: false).Cast<IDictionary<string, object?>>().FirstOrDefault();
            return first is not null && ContractFile.LooksLikeContracts(first.Values.Select(TabularFile.Cell).ToList());
        }
        using var stream = File.OpenRead(path);
        var csv = new CsvByteReader(stream, 1 << 16);
        return csv.Read() && ContractFile.LooksLikeContracts(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToList());
    }
}
