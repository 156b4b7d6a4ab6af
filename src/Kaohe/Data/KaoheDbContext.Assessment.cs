using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;

namespace Kaohe.Data;

public abstract partial class KaoheDbContext
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignUnit> CampaignUnits => Set<CampaignUnit>();
    public DbSet<CampaignStage> CampaignStages => Set<CampaignStage>();
    public DbSet<StageResult> StageResults => Set<StageResult>();
    public DbSet<IndicatorScore> IndicatorScores => Set<IndicatorScore>();
    public DbSet<IndicatorScheme> IndicatorSchemes => Set<IndicatorScheme>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<FieldVisitDraw> FieldVisitDraws => Set<FieldVisitDraw>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
}
