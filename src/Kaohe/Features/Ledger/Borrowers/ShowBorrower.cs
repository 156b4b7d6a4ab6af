using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

public sealed record InstalmentLine(string ContractNumber, DateOnly DueDate, long DuePrincipalFen, long DueInterestFen, long PaidPrincipalFen, long PaidInterestFen, DateOnly? PaidDate, long OverdueFen);

public sealed record ContractLine(string ContractNumber, int SchoolYear, string Status, long AmountFen, string? University, string? Phone, string? CoBorrowerName, string? CoBorrowerIdNumber, DateOnly? ReceiptEnteredOn, DateOnly? GraduationConfirmedOn);

/// <summary>One borrower's page. <see cref="Unmasked"/> says whether the personal numbers are in clear text.</summary>
public sealed record BorrowerDetail(
    long Key, string Name, string IdNumber, bool Unmasked, bool MayUnmask, int UnitId, string UnitName, int CityGroupId, string City,
    BorrowerPosition Position, IReadOnlyList<InstalmentLine> Instalments, IReadOnlyList<ContractLine> Contracts);

/// <summary>
/// A borrower's instalments and contracts. Masked unless the caller asks for clear text and may see
/// it (province admin; a county operator for its own unit); each clear view is written to the audit trail first.
/// A unit or borrower out of scope or unknown is NotFound; clear text the role may not see is Forbidden.
/// </summary>
public sealed class ShowBorrower(KaoheDbContext db, PersonalDataProtector protector)
{
    public async Task<BorrowerDetail> HandleAsync(int unitId, long key, DateOnly asOf, bool unmask, UserScope scope, CancellationToken ct = default) =>
        await FindAsync(unitId, key, asOf, unmask, scope, ct) ?? throw KaoheException.NotFound(LedgerPageTexts.NotFound);

    /// <summary>
    /// The borrower masked, or null when the unit or borrower is not in the caller's scope: for a page that shows the
    /// borrower beside something else (a collection case) and shows nothing for a borrower the ledger no longer has.
    /// </summary>
    internal Task<BorrowerDetail?> FindMaskedAsync(int unitId, long key, DateOnly asOf, UserScope scope, CancellationToken ct = default) =>
        FindAsync(unitId, key, asOf, unmask: false, scope, ct);

    private async Task<BorrowerDetail?> FindAsync(int unitId, long key, DateOnly asOf, bool unmask, UserScope scope, CancellationToken ct)
    {
        var unit = await db.UnitsVisibleTo(scope).Where(u => u.Id == unitId).Select(u => new { u.Name, u.CityGroupId, City = u.CityGroup.Name }).FirstOrDefaultAsync(ct);
        if (unit is null) return null;
        var instalments = await db.CurrentInstalments(scope, unitId: unitId).Where(i => i.BorrowerKey == key)
            .OrderBy(i => i.DueDate).ThenBy(i => i.ContractNumber).ToListAsync(ct);
        var contracts = await db.CurrentContracts(scope, unitId).Where(c => c.UnitId == unitId && c.BorrowerKey == key).OrderBy(c => c.SchoolYear).ToListAsync(ct);
        if (instalments.Count == 0 && contracts.Count == 0) return null;
        var allowed = scope.MayUnmask(unitId);
        if (unmask && !allowed) throw KaoheException.Forbidden(LedgerPageTexts.UnmaskForbidden);

        var name = instalments.FirstOrDefault()?.BorrowerName ?? contracts[0].BorrowerName;
        var cipher = await db.LedgerBorrowers.Where(b => b.Key == key).Select(b => b.IdNumberCipher).FirstOrDefaultAsync(ct) ?? contracts.FirstOrDefault()?.IdNumberCipher;
        string Clear(byte[]? c, Func<string, string> mask) => c is null ? "" : unmask ? protector.Decrypt(c) : mask(protector.Decrypt(c));
        if (unmask)
        {
            var fields = new List<string> { LedgerPageTexts.IdNumberField };
            if (contracts.Any(c => c.PhoneCipher is not null)) fields.Add(LedgerPageTexts.PhoneField);
            if (contracts.Any(c => c.CoBorrowerIdNumberCipher is not null)) fields.Add(LedgerPageTexts.CoBorrowerIdField);
            var numbers = instalments.Select(i => i.ContractNumber).Concat(contracts.Select(c => c.ContractNumber)).Distinct();
            await Masking.RecordUnmaskedViewAsync(db, new UnmaskedView(LedgerPageTexts.AuditBorrower, key.ToString(System.Globalization.CultureInfo.InvariantCulture), unitId,
                LedgerPageTexts.AuditOneBorrower(unit.Name, name, numbers), fields), ct);
        }

        var position = BorrowerPosition.Of(instalments.Select(i => (i.DueDate, i.DueFen, i.PaidFen, i.PaidDate)), asOf);
        var lines = instalments.Select(i => new InstalmentLine(i.ContractNumber, i.DueDate, i.DuePrincipalFen, i.DueInterestFen, i.PaidPrincipalFen, i.PaidInterestFen, i.PaidDate,
            i.DueDate <= asOf ? i.DueFen - BorrowerPosition.PaidBy(asOf, i.DueFen, i.PaidFen, i.PaidDate) : 0)).ToList();
        var contractLines = contracts.Select(c => new ContractLine(c.ContractNumber, c.SchoolYear, LedgerPageTexts.Status(c.Status), c.AmountFen, c.University,
            Clear(c.PhoneCipher, Masking.Phone), c.CoBorrowerName, Clear(c.CoBorrowerIdNumberCipher, Masking.IdNumber), c.ReceiptEnteredOn, c.GraduationConfirmedOn)).ToList();
        return new BorrowerDetail(key, name, Clear(cipher, Masking.IdNumber), unmask, allowed, unitId, unit.Name, unit.CityGroupId, unit.City,
            position, lines, contractLines);
    }
}
