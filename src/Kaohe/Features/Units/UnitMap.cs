using Kaohe.Common.Charts;
using Kaohe.Data;
using Kaohe.Domain.Accounts;
using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Features.Units;

/// <summary>
/// Puts the units an account may see on the map of Henan with one figure each (<see cref="MapSpec"/>). A unit is drawn
/// as its own boundary (the map names counties and districts as the 2018 notice does); a city-level centre as the
/// districts it acts for; a unit with neither (the development zones) as a marker within its city.
/// </summary>
public sealed class UnitMap(KaoheDbContext db)
{
    public async Task<IReadOnlyList<MapArea>> AreasAsync(UserScope scope, Func<int, decimal?> value, Func<int, string> href, CancellationToken ct = default)
    {
        var units = await db.UnitsVisibleTo(scope).Where(u => u.IsActive)
            .Select(u => new { u.Id, u.Name, u.Type, City = u.CityGroup.Name, Served = u.ServedDistricts.Select(d => d.Name).ToList() })
            .ToListAsync(ct);
        return units.OrderBy(u => u.Id)
            .Select(u => new MapArea(u.Name, u.City, value(u.Id), href(u.Id), Boundaries(u.Name, u.Type, u.Served)))
            .ToList();
    }

    private static List<string> Boundaries(string name, UnitType type, List<string> served) => type switch
    {
        UnitType.CityCentre => served,
        UnitType.ZoneWithStatisticsCode or UnitType.ZoneWithoutCode => [],
        _ => [name],
    };
}
