using System.Text.RegularExpressions;
using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Collection;

/// <summary>
/// The centre's address and office phone that its letters print. The province administrator, or the unit's own county
/// officer (who knows them best), sets them; blank clears. Audited as every change of a unit.
/// </summary>
public sealed partial class SetCentreContact(KaoheDbContext db)
{
    public async Task HandleAsync(int unitId, string? address, string? phone, UserScope scope, CancellationToken ct = default)
    {
        var unit = await db.UnitsVisibleTo(scope).FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw KaoheException.NotFound();
        if (scope.Role != Role.ProvinceAdmin && !scope.MayRecordContacts(unitId)) throw KaoheException.Forbidden(LetterTexts.CentreForbidden);
        var (a, p) = (Blank(address), Blank(phone));
        var errors = new Dictionary<string, string[]>();
        if (a?.Length > 200) errors[LetterTexts.AddressField] = [LetterTexts.TooLong(200)];
        if (p is not null && (p.Length > 40 || !Phone().IsMatch(p))) errors[LetterTexts.PhoneField] = [LetterTexts.PhoneMalformed];
        if (errors.Count > 0) throw KaoheException.InvalidFields(LetterTexts.CentreInvalid, errors);
        (unit.CentreAddress, unit.CentrePhone) = (a, p);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The address and phone as saved, for whoever sees the unit.</summary>
    public async Task<(string? Address, string? Phone)> ShowAsync(int unitId, UserScope scope, CancellationToken ct = default) =>
        await db.UnitsVisibleTo(scope).Where(u => u.Id == unitId).Select(u => ValueTuple.Create(u.CentreAddress, u.CentrePhone)).FirstOrDefaultAsync(ct);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^[0-9][0-9\- ()（）、/]*[0-9]$")]
    private static partial Regex Phone();
}
