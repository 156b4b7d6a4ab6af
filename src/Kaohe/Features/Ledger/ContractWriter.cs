using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

/// <summary>Stores a validated 合同台账 as new snapshots of the units whose content changed; personal numbers encrypted.</summary>
internal sealed class ContractWriter(KaoheDbContext db, PersonalDataProtector protector)
{
    public async Task<LedgerImportResult> WriteAsync(ContractFileResult file, UserScope scope, CancellationToken ct)
    {
        var unitIds = file.Rows.Select(r => r.UnitId).ToHashSet();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await SnapshotPlan.CreateAsync(db, LedgerKind.Contracts, file.FileName, file.Sha256, unitIds, scope, ct);
        if (plan.Count == 0) return new(file.FileName, LedgerKind.Contracts, file.Rows.Count, 0, unitIds.Count);
        var known = (await db.LedgerBorrowers.Select(b => b.Key).ToListAsync(ct)).ToHashSet();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var perUnit = new Dictionary<int, int>();
        var written = 0;
        foreach (var r in file.Rows)
        {
            if (!plan.SnapshotOfUnit.TryGetValue(r.UnitId, out var snapshot)) continue;
            var key = protector.BorrowerKey(r.IdNumber);
            var cipher = protector.Encrypt(r.IdNumber);
            if (known.Add(key)) db.LedgerBorrowers.Add(new LedgerBorrower { Key = key, IdNumberCipher = cipher });
            db.Contracts.Add(new Contract
            {
                SnapshotId = snapshot, UnitId = r.UnitId, ContractNumber = r.ContractNumber, SchoolYear = r.SchoolYear,
                BorrowerKey = key, IdNumberCipher = cipher, BorrowerName = r.BorrowerName, CoBorrowerName = r.CoBorrowerName,
                CoBorrowerIdNumberCipher = r.CoBorrowerIdNumber is { } co ? protector.Encrypt(co) : null,
                PhoneCipher = r.Phone is { } phone ? protector.Encrypt(phone) : null, University = r.University,
                StudyYears = r.StudyYears, EnrolmentYear = r.EnrolmentYear, AmountFen = r.AmountFen, Status = r.Status,
                ReceiptEnteredOn = Day(r.ReceiptDay), GraduationConfirmedOn = Day(r.ConfirmedDay),
            });
            perUnit[r.UnitId] = perUnit.GetValueOrDefault(r.UnitId) + 1;
            written++;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await plan.FinishAsync(db, written, ct, perUnit);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new(file.FileName, LedgerKind.Contracts, written, plan.Count, unitIds.Count - plan.Count);
    }

    private static DateOnly? Day(int dayNumber) => dayNumber < 0 ? null : DateOnly.FromDayNumber(dayNumber);
}
