using Kaohe.Domain.Assessment;
using Kaohe.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaohe.Data.Configurations;

internal sealed class NoticeDraftConfiguration : IEntityTypeConfiguration<NoticeDraft>
{
    public void Configure(EntityTypeBuilder<NoticeDraft> b)
    {
        b.HasIndex(n => n.CampaignId).IsUnique();
        b.HasOne<Campaign>().WithMany().HasForeignKey(n => n.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.Property(n => n.Issuers).HasMaxLength(200);
        b.Property(n => n.DocumentNumber).HasMaxLength(100);
        b.Property(n => n.Title).HasMaxLength(300);
        b.Property(n => n.Addressee).HasMaxLength(200);
        b.Property(n => n.UpdatedBy).HasMaxLength(64);
        foreach (var text in new[] { nameof(NoticeDraft.Opening), nameof(NoticeDraft.Overview), nameof(NoticeDraft.Problems), nameof(NoticeDraft.Requirements) })
            b.Property(text).HasMaxLength(20000);
    }
}
