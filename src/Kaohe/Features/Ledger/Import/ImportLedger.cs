using Kaohe.Common.Errors;
using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

public sealed record LedgerImportResult(string FileName, LedgerKind Kind, long Rows, int UnitsReplaced, int UnitsUnchanged)
{
    /// <summary>What the new 还款计划 snapshots did to the units' collection cases (none for a 合同台账).</summary>
    public CaseSyncResult Cases { get; init; } = CaseSyncResult.None;

    /// <summary>罚息及多还 per unit: rows that paid more than they were due, imported as paid.</summary>
    public IReadOnlyList<UnitOverpaid> Overpaid { get; init; } = [];

    /// <summary>What the importer should know but that did not stop the import, in Chinese (one line each).</summary>
    public IReadOnlyList<string> Warnings => LedgerTexts.OverpaidWarning(Overpaid).ToList();
}

/// <summary>
/// Imports a 还款计划 or 合同台账 export. The whole file is validated first; any bad row rejects it
/// and nothing is written. Per unit covered: the same file again changes nothing; a different
/// file becomes the unit's current snapshot and the previous one is kept, marked superseded.
/// A cancelled import stops within a chunk of rows (while the file is checked as while it is written), rolls back
/// and throws <see cref="OperationCanceledException"/>. A 还款计划's new snapshots are then given to each
/// <see cref="ILedgerImportHook"/> in the same transaction.
/// </summary>
public sealed class ImportLedger(KaoheDbContext db, PersonalDataProtector protector, IEnumerable<ILedgerImportHook> hooks)
{
    /// <summary>How long to wait for an import in progress before refusing this one (<see cref="ImportLock"/>).</summary>
    internal TimeSpan LockWait { get; init; } = ImportLock.Wait;

    /// <param name="progress">The bytes of a 还款计划 read so far, over its two reads (the check, then the write): up to twice its length.</param>
    public async Task<LedgerImportResult> HandleAsync(string path, UserScope scope, Action<long>? progress = null, CancellationToken ct = default)
    {
        if (scope.IsReadOnly || scope.Role == Role.Expert) throw KaoheException.Forbidden(LedgerTexts.NotAllowed);
        var units = await UnitResolver.LoadAsync(db, ct);
        var visible = (await db.UnitIdsVisibleTo(scope).ToListAsync(ct)).ToHashSet();
        if (LedgerFiles.IsContracts(path))
        {
            var contracts = ContractFile.Read(path, units, visible.Contains, ct);
            if (contracts.Errors.Count > 0) throw new ImportRejectedException(contracts.Errors);
            return await new ContractWriter(db, protector).WriteAsync(contracts, scope, LockWait, ct);
        }
        var checkedFile = InstalmentFile.Read(path, units, null, visible.Contains, progress, ct: ct);
        if (!checkedFile.IsValid) throw new ImportRejectedException(checkedFile.Errors);
        await using var tx = await ImportLock.BeginAsync(db, LockWait, ct);
        var plan = await SnapshotPlan.CreateAsync(db, LedgerKind.Instalments, checkedFile.FileName, checkedFile.Sha256, checkedFile.UnitIds, scope, ct);
        var overpaid = OverpaidUnits.Name(checkedFile.Overpaid, units);
        if (plan.Count == 0) return new(checkedFile.FileName, LedgerKind.Instalments, checkedFile.Rows, 0, checkedFile.UnitIds.Count) { Overpaid = overpaid };
        var known = (await db.LedgerBorrowers.Select(b => b.Key).ToListAsync(ct)).ToHashSet();
        long written;
        Dictionary<int, int> perUnit;
        Dictionary<int, SnapshotPlan.RecordedRows> digests;
        using (var writer = InstalmentBulkWriter.Create(db, plan.SnapshotOfUnit, protector, known, ct))
        {
            // The rows written come from a second read of the file: it must be the file the first read checked.
            var checkedBytes = new FileInfo(path).Length;
            var writtenFile = InstalmentFile.Read(path, units, writer, visible.Contains, progress is null ? null : bytes => progress(checkedBytes + bytes), ct: ct);
            if (!writtenFile.IsValid || writtenFile.Sha256 != checkedFile.Sha256 || writtenFile.Rows != checkedFile.Rows)
                throw FileChanged();
            writer.Complete();
            written = writer.Written;
            perUnit = writer.RowsPerUnit;
            digests = LedgerRowDigest.Take(writer.Digests);
        }
        await plan.FinishAsync(db, written, perUnit, digests, ct);
        var today = new Common.Time.BeijingClock(db.Clock).Today;
        var cases = CaseSyncResult.None;
        foreach (var hook in hooks) cases = cases.Plus(await hook.RunAsync(plan.SnapshotOfUnit, today, ct));
        await tx.CommitAsync(ct);
        return new(checkedFile.FileName, LedgerKind.Instalments, written, plan.Count, checkedFile.UnitIds.Count - plan.Count) { Cases = cases, Overpaid = overpaid };
    }

    /// <summary>
    /// The second read of a 还款计划, the one that writes, did not give the file the check had read: it was changed in
    /// between. A conflict, not a row error (the file may well be valid; imported again while nothing changes it, it
    /// goes through). Nothing was written.
    /// </summary>
    private static KaoheException FileChanged() => KaoheException.Conflict(LedgerTexts.NotImported, LedgerTexts.FileChanged);
}
