using Kaohe.Domain.Assessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaohe.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.SealedBy).HasMaxLength(64);
        b.HasIndex(c => c.Year);
        b.HasMany(c => c.Units).WithOne(u => u.Campaign).HasForeignKey(u => u.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Stages).WithOne().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Scheme).WithMany().HasForeignKey(c => c.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.IsSealed);
    }
}

internal sealed class CampaignStageConfiguration : IEntityTypeConfiguration<CampaignStage>
{
    public void Configure(EntityTypeBuilder<CampaignStage> b) => b.HasIndex(s => new { s.CampaignId, s.Stage }).IsUnique();
}

internal sealed class CampaignUnitConfiguration : IEntityTypeConfiguration<CampaignUnit>
{
    public void Configure(EntityTypeBuilder<CampaignUnit> b)
    {
        b.HasIndex(u => new { u.CampaignId, u.UnitId }).IsUnique();
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.FinalScore).HasPrecision(6, 2);
        b.Property(u => u.ReturnReason).HasMaxLength(1000);
        b.Property(u => u.DecisionReason).HasMaxLength(1000);
        b.HasMany(u => u.Results).WithOne().HasForeignKey(r => r.CampaignUnitId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(u => u.Latest);
    }
}

internal sealed class StageResultConfiguration : IEntityTypeConfiguration<StageResult>
{
    public void Configure(EntityTypeBuilder<StageResult> b)
    {
        b.HasIndex(r => new { r.CampaignUnitId, r.Stage }).IsUnique();
        b.Property(r => r.Total).HasPrecision(6, 2);
        b.Property(r => r.Comment).HasMaxLength(2000);
        b.Property(r => r.GapReason).HasMaxLength(1000);
        b.Property(r => r.ScoredBy).HasMaxLength(64);
        b.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.StageResultId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.IsSubmitted);
    }
}

internal sealed class IndicatorScoreConfiguration : IEntityTypeConfiguration<IndicatorScore>
{
    public void Configure(EntityTypeBuilder<IndicatorScore> b)
    {
        b.HasIndex(s => new { s.StageResultId, s.IndicatorId }).IsUnique();
        b.Property(s => s.Points).HasPrecision(6, 2);
        b.Property(s => s.Note).HasMaxLength(2000);
        b.Property(s => s.Origin).HasDefaultValue(ScoreOrigin.Person).HasSentinel((ScoreOrigin)0);
        b.Property(s => s.DataValue).HasPrecision(18, 2);
        b.Property(s => s.DataFormula).HasMaxLength(500);
        b.Property(s => s.DataNumbers).HasMaxLength(500);
        b.Property(s => s.DataScoring).HasMaxLength(500);
        b.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IndicatorSchemeConfiguration : IEntityTypeConfiguration<IndicatorScheme>
{
    public void Configure(EntityTypeBuilder<IndicatorScheme> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.HasIndex(s => new { s.Name, s.Version }).IsUnique();
        foreach (var p in new[] { nameof(IndicatorScheme.ExcellentMin), nameof(IndicatorScheme.GoodMin), nameof(IndicatorScheme.PassMin),
                     nameof(IndicatorScheme.ExcellentQuotaPercent), nameof(IndicatorScheme.MaxGapWithoutReason) })
            b.Property(p).HasPrecision(6, 2);
        b.HasMany(s => s.Indicators).WithOne().HasForeignKey(i => i.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(s => s.Rules);
        b.Ignore(s => s.Leaves);
        b.Ignore(s => s.MaxTotal);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.HasIndex(i => new { i.SchemeId, i.Code }).IsUnique();
        b.Property(i => i.Code).HasMaxLength(16);
        b.Property(i => i.ParentCode).HasMaxLength(16);
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Guidance).HasMaxLength(2000);
        b.Property(i => i.Evidence).HasMaxLength(1000);
        b.Property(i => i.DataSource).HasMaxLength(64);
        b.Property(i => i.PointsRule).HasMaxLength(200);
        b.Property(i => i.MaxPoints).HasPrecision(6, 2);
    }
}

internal sealed class FieldVisitDrawConfiguration : IEntityTypeConfiguration<FieldVisitDraw>
{
    public void Configure(EntityTypeBuilder<FieldVisitDraw> b)
    {
        b.HasIndex(d => d.CampaignId);
        b.Property(d => d.DrawnBy).HasMaxLength(64);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.HasIndex(f => new { f.CampaignUnitId, f.Stage });
        b.HasOne<CampaignUnit>().WithMany().HasForeignKey(f => f.CampaignUnitId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(128);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.UploadedBy).HasMaxLength(64);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.Property(f => f.Text).HasMaxLength(2000);
        b.HasIndex(f => new { f.CampaignId, f.UnitId });
    }
}
