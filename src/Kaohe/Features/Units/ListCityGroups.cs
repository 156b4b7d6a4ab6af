using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Units;

/// <summary>
/// The report groups (the cities, 省直管县, 济源) in the notice's order: every group for an account that sees the whole
/// province, otherwise only the groups holding a unit the account may see.
/// </summary>
public sealed class ListCityGroups(KaoheDbContext db)
{
    public async Task<IReadOnlyList<CityGroup>> HandleAsync(UserScope scope, CancellationToken ct = default)
    {
        var groups = db.CityGroups.AsNoTracking();
        if (!scope.SeesWholeProvince)
        {
            var visible = db.UnitsVisibleTo(scope).Select(u => u.CityGroupId);
            groups = groups.Where(g => visible.Contains(g.Id));
        }
        return await groups.OrderBy(g => g.SortOrder).ToListAsync(ct);
    }
}
