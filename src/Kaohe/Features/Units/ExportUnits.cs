using Kaohe.Common.Tabular;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Units;

/// <summary>Exports the units an account may see in the import's columns, so an export can be edited and imported back.</summary>
public sealed class ExportUnits(KaoheDbContext db)
{
    public async Task<byte[]> HandleAsync(TableFormat format, UserScope scope, CancellationToken ct = default)
    {
        var units = await db.UnitsVisibleTo(scope).AsNoTracking()
            .Include(u => u.CityGroup).Include(u => u.Aliases).Include(u => u.ServedDistricts)
            .OrderBy(u => u.CityGroup.SortOrder).ThenBy(u => u.SortOrder).ToListAsync(ct);
        var rows = units.Select(u => UnitRow.FromEntity(u).ToCells()).ToList();
        return TableWriter.Write(UnitRow.Headers, rows, format);
    }
}
