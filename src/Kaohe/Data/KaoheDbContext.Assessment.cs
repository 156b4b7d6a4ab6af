using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public abstract partial class KaoheDbContext
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignUnit> CampaignUnits => Set<CampaignUnit>();
    public DbSet<Finding> Findings => Set<Finding>();
}
