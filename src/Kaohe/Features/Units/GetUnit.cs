using Kaohe.Common.Errors;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Units;

/// <summary>One unit with its aliases and served districts; <see cref="ErrorKind.NotFound"/> when it does not exist or is outside the account's scope.</summary>
public sealed class GetUnit(KaoheDbContext db)
{
    public async Task<Unit> HandleAsync(int id, UserScope scope, CancellationToken ct = default) =>
        await db.UnitsVisibleTo(scope).AsNoTracking()
            .Include(u => u.CityGroup).Include(u => u.Aliases).Include(u => u.ServedDistricts)
            .FirstOrDefaultAsync(u => u.Id == id, ct)
        ?? throw KaoheException.NotFound(UnitTexts.NotFound);
}
