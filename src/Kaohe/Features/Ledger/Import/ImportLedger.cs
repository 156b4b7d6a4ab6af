using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Audit;
using Kaohe.Domain.Ledger;
using Kaohe.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

public sealed record LedgerImportResult(string FileName, LedgerKind Kind, long Rows, int UnitsReplaced, int UnitsUnchanged);

/// <summary>
/// Imports a 还款计划 or 合同台账 export. The whole file is validated first; any bad row rejects it
/// and nothing is written. Per unit covered: the same file again changes nothing; a different
/// file becomes the unit's current snapshot and the previous one is kept, marked superseded.
/// </summary>
public sealed class ImportLedger(KaoheDbContext db, PersonalDataProtector protector)
{
    public async Task<LedgerImportResult> HandleAsync(string path, UserScope scope, Action<long>? progress = null, CancellationToken ct = default)
    {
        if (scope.IsReadOnly || scope.Role == Role.Expert) throw new UnauthorizedAccessException(LedgerTexts.NotAllowed);
        var units = await UnitResolver.LoadAsync(db, ct);
        var visible = (await db.UnitIdsVisibleTo(scope).ToListAsync(ct)).ToHashSet();
        if (LedgerFiles.IsContracts(path))
        {
            var contracts = ContractFile.Read(path, units, visible.Contains);
            if (contracts.Errors.Count > 0) throw new ImportRejectedException(contracts.Errors);
            return await new ContractWriter(db, protector).WriteAsync(contracts, scope, ct);
        }
        var checkedFile = InstalmentFile.Read(path, units, null, visible.Contains, progress);
        if (!checkedFile.IsValid) throw new ImportRejectedException(checkedFile.Errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await ImportLock.AcquireAsync(db, ct);
        var plan = await SnapshotPlan.CreateAsync(db, LedgerKind.Instalments, checkedFile.FileName, checkedFile.Sha256, checkedFile.UnitIds, scope, ct);
        if (plan.Count == 0) return new(checkedFile.FileName, LedgerKind.Instalments, checkedFile.Rows, 0, checkedFile.UnitIds.Count);
        var known = (await db.LedgerBorrowers.Select(b => b.Key).ToListAsync(ct)).ToHashSet();
        long written;
        Dictionary<int, int> perUnit;
        using (var writer = InstalmentBulkWriter.Create(db, plan.SnapshotOfUnit, protector, known))
        {
            // The rows written come from a second read of the file: it must be the file the first read checked.
            var writtenFile = InstalmentFile.Read(path, units, writer, visible.Contains);
            if (!writtenFile.IsValid || writtenFile.Sha256 != checkedFile.Sha256 || writtenFile.Rows != checkedFile.Rows)
                throw new ImportRejectedException([new ImportError(0, null, LedgerTexts.FileChanged)]);
            writer.Complete();
            written = writer.Written;
            perUnit = writer.RowsPerUnit;
        }
        await plan.FinishAsync(db, written, ct, perUnit);
        await tx.CommitAsync(ct);
        return new(checkedFile.FileName, LedgerKind.Instalments, written, plan.Count, checkedFile.UnitIds.Count - plan.Count);
    }
}

/// <summary>Which units of a file get a new snapshot, and the bookkeeping around it (supersede, count, audit).</summary>
internal sealed class SnapshotPlan
{
    private readonly List<LedgerSnapshot> _created = [];
    public Dictionary<int, int> SnapshotOfUnit { get; } = [];
    public int Count => _created.Count;

    public static async Task<SnapshotPlan> CreateAsync(KaoheDbContext db, LedgerKind kind, string fileName, string sha, IEnumerable<int> unitIds,
        UserScope scope, CancellationToken ct)
    {
        var plan = new SnapshotPlan();
        var ids = unitIds.ToList();
        var existing = await db.LedgerSnapshots.Where(s => s.Kind == kind && ids.Contains(s.UnitId) && (s.SourceSha256 == sha || s.SupersededAtUtc == null)).ToListAsync(ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var unit in ids)
        {
            if (existing.Any(s => s.UnitId == unit && s.SourceSha256 == sha)) continue;
            foreach (var old in existing.Where(s => s.UnitId == unit && s.SupersededAtUtc == null)) old.SupersededAtUtc = now;
            var snapshot = new LedgerSnapshot { UnitId = unit, Kind = kind, ImportedAtUtc = now, ImportedBy = scope.UserName, SourceFileName = fileName, SourceSha256 = sha };
            db.LedgerSnapshots.Add(snapshot);
            plan._created.Add(snapshot);
        }
        if (plan.Count == 0) return plan;
        await db.SaveChangesAsync(ct);
        foreach (var s in plan._created) plan.SnapshotOfUnit[s.UnitId] = s.Id;
        return plan;
    }

    /// <summary>Stores the row counts and audits the import as one event (rows are not audited one by one).</summary>
    public async Task FinishAsync(KaoheDbContext db, long rows, CancellationToken ct, IReadOnlyDictionary<int, int>? rowsPerUnit = null)
    {
        foreach (var s in _created) s.RowCount = rowsPerUnit?.GetValueOrDefault(s.UnitId) ?? 0;
        await db.SaveChangesAsync(ct);
        var first = _created[0];
        await AuditTrail.RecordAsync(db, new AuditDraft(AuditActions.Import, first.Kind == LedgerKind.Instalments ? nameof(Instalment) : nameof(Contract),
            _created.Count == 1 ? first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, _created.Count == 1 ? first.UnitId : null, null,
            $"{{\"file\":\"{first.SourceFileName.Replace("\"", "", StringComparison.Ordinal)}\",\"sha256\":\"{first.SourceSha256}\",\"units\":{_created.Count},\"rows\":{rows},\"snapshots\":[{string.Join(',', _created.Select(s => s.Id))}]}}"), ct);
    }
}
