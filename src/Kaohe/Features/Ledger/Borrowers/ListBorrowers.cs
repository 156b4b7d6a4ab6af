using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Ledger;

public sealed record BorrowerLine(long Key, string Name, string IdNumber, IReadOnlyList<string> Contracts, BorrowerPosition Position);

public sealed record BorrowerList(int UnitId, string UnitName, int CityGroupId, string City, DateOnly AsOf, IReadOnlyList<BorrowerLine> Borrowers, int Total);

/// <summary>
/// The borrowers of one unit with their position as of a date, most overdue first. ID numbers are
/// always masked here; the clear text is only on one borrower's page, on request, audited.
/// </summary>
public sealed class ListBorrowers(KaoheDbContext db, PersonalDataProtector protector)
{
    public const int PageSize = 100;

    /// <summary>A unit that does not exist or is outside the account's scope is NotFound.</summary>
    public async Task<BorrowerList> HandleAsync(int unitId, DateOnly asOf, UserScope scope, bool overdueOnly = false, int page = 1, CancellationToken ct = default) =>
        await ReadAsync(unitId, asOf, scope, overdueOnly, page, PageSize, clearText: false, ct);

    /// <summary>Every borrower; clear ID numbers only for <see cref="ExportBorrowers"/>, which checks the right and audits first.</summary>
    internal async Task<BorrowerList> ReadAsync(int unitId, DateOnly asOf, UserScope scope, bool overdueOnly, int page, int pageSize, bool clearText, CancellationToken ct)
    {
        var unit = await db.UnitsVisibleTo(scope).Where(u => u.Id == unitId)
            .Select(u => new { u.Name, u.CityGroupId, City = u.CityGroup.Name }).FirstOrDefaultAsync(ct) ?? throw KaoheException.NotFound(LedgerPageTexts.NotFound);
        var rows = await db.CurrentInstalments(scope, unitId: unitId)
            .Select(i => new { i.BorrowerKey, i.BorrowerName, i.ContractNumber, i.DueDate, Due = i.DuePrincipalFen + i.DueInterestFen, Paid = i.PaidPrincipalFen + i.PaidInterestFen, i.PaidDate })
            .ToListAsync(ct);
        var lines = rows.GroupBy(r => r.BorrowerKey).Select(g => new
        {
            g.Key,
            Name = g.First().BorrowerName,
            Contracts = g.Select(r => r.ContractNumber).Distinct().Order(StringComparer.Ordinal).ToList(),
            Position = BorrowerPosition.Of(g.Select(r => (r.DueDate, r.Due, r.Paid, r.PaidDate)), asOf),
        })
            .Where(b => !overdueOnly || b.Position.OverdueFen > 0)
            .OrderByDescending(b => b.Position.OverdueFen).ThenByDescending(b => b.Position.DueFen).ThenBy(b => b.Name, StringComparer.Ordinal).ThenBy(b => b.Key)
            .ToList();
        var shown = lines.Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize).ToList();
        var keys = shown.Select(b => b.Key).ToList();
        var ciphers = await db.LedgerBorrowers.Where(b => keys.Contains(b.Key)).ToDictionaryAsync(b => b.Key, b => b.IdNumberCipher, ct);
        var result = shown.Select(b => new BorrowerLine(b.Key, b.Name,
            ciphers.TryGetValue(b.Key, out var c) ? (clearText ? protector.Decrypt(c) : Masking.IdNumber(protector.Decrypt(c))) : "", b.Contracts, b.Position)).ToList();
        return new BorrowerList(unitId, unit.Name, unit.CityGroupId, unit.City, asOf, result, lines.Count);
    }
}
