using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>
/// Stores a validated 合同台账 as new snapshots of the units whose content changed, in one
/// transaction and in bulk (<see cref="ContractRows"/>); personal numbers encrypted, a person's
/// key and ID ciphertext made once per file.
/// </summary>
internal sealed class ContractWriter(KaoheDbContext db, PersonalDataProtector protector)
{
    public async Task<LedgerImportResult> WriteAsync(ContractFileResult file, UserScope scope, TimeSpan lockWait, CancellationToken ct)
    {
        var unitIds = file.Rows.Select(r => r.UnitId).ToHashSet();
        await using var tx = await ImportLock.BeginAsync(db, lockWait, ct);
        var plan = await SnapshotPlan.CreateAsync(db, LedgerKind.Contracts, file.FileName, file.Sha256, unitIds, scope, ct);
        if (plan.Count == 0) return new(file.FileName, LedgerKind.Contracts, file.Rows.Count, 0, unitIds.Count);
        var known = (await db.LedgerBorrowers.Select(b => b.Key).ToListAsync(ct)).ToHashSet();
        var (perUnit, digests) = Write(file, plan.SnapshotOfUnit, known, ct);
        var written = perUnit.Values.Sum();
        await plan.FinishAsync(db, written, perUnit, digests, ct);
        await tx.CommitAsync(ct);
        return new(file.FileName, LedgerKind.Contracts, written, plan.Count, unitIds.Count - plan.Count);
    }

    /// <summary>Writes the rows of the units that get a snapshot, then the borrowers first met; the rows written per unit, and each snapshot's row digest.</summary>
    private (Dictionary<int, int>, Dictionary<int, SnapshotPlan.RecordedRows>) Write(ContractFileResult file, Dictionary<int, int> snapshotOfUnit, HashSet<long> known, CancellationToken ct)
    {
        var rowKey = db.Guard.RowKey;
        var digests = new Dictionary<int, LedgerRowDigest>();
        var connection = db.Database.GetDbConnection();
        using var personal = new PersonalDataCache(protector);
        var newBorrowers = new List<(long Key, byte[] Cipher)>();
        var perUnit = new Dictionary<int, int>();
        using (var rows = ContractRows.Create(connection))
        {
            foreach (var r in file.Rows)
            {
                ct.ThrowIfCancellationRequested(); // one field read: nothing beside a row's encryption and insert
                if (!snapshotOfUnit.TryGetValue(r.UnitId, out var snapshot)) continue;
                var (key, cipher) = personal.Borrower(r.IdNumber);
                if (known.Add(key)) newBorrowers.Add((key, cipher));
                var stored = new StoredContract(snapshot, r, key, cipher, personal.Encrypt(r.CoBorrowerIdNumber), personal.Encrypt(r.Phone));
                rows.Write(stored);
                if (!digests.TryGetValue(snapshot, out var digest)) digests[snapshot] = digest = new LedgerRowDigest(rowKey);
                digest.AddContract(snapshot, r.UnitId, r.ContractNumber, r.SchoolYear, key, cipher, r.BorrowerName, r.CoBorrowerName, stored.CoBorrowerIdCipher,
                    stored.PhoneCipher, r.University, r.StudyYears, r.EnrolmentYear, r.AmountFen, (int)r.Status, r.ReceiptDay, r.ConfirmedDay);
                perUnit[r.UnitId] = perUnit.GetValueOrDefault(r.UnitId) + 1;
            }
            rows.Complete();
        }
        LedgerBorrowerRows.Write(connection, newBorrowers);
        return (perUnit, LedgerRowDigest.Take(digests));
    }
}
