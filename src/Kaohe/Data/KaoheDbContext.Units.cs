using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public abstract partial class KaoheDbContext
{
    public DbSet<CityGroup> CityGroups => Set<CityGroup>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitAlias> UnitAliases => Set<UnitAlias>();
    public DbSet<ServedDistrict> ServedDistricts => Set<ServedDistrict>();
}
