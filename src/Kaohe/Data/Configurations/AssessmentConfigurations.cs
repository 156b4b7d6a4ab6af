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
        b.Ignore(c => c.IsSealed);
    }
}

internal sealed class CampaignUnitConfiguration : IEntityTypeConfiguration<CampaignUnit>
{
    public void Configure(EntityTypeBuilder<CampaignUnit> b)
    {
        b.HasIndex(u => new { u.CampaignId, u.UnitId }).IsUnique();
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.FinalScore).HasPrecision(6, 2);
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
