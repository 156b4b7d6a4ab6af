using Kaohe.Domain.Collection;
using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaohe.Data.Configurations;

internal sealed class CollectionCaseConfiguration : IEntityTypeConfiguration<CollectionCase>
{
    public void Configure(EntityTypeBuilder<CollectionCase> b)
    {
        b.Property(c => c.BorrowerName).HasMaxLength(LedgerLimits.PersonName);
        b.Property(c => c.ContractNumbers).HasMaxLength(1000);
        // The queue reads a unit's open cases; the sync finds a borrower's newest case in a unit.
        b.HasIndex(c => new { c.UnitId, c.ClosedOn });
        b.HasIndex(c => new { c.UnitId, c.BorrowerKey });
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(c => c.OverdueFen);
        b.Ignore(c => c.IsOpen);
    }
}

internal sealed class ContactRecordConfiguration : IEntityTypeConfiguration<ContactRecord>
{
    public void Configure(EntityTypeBuilder<ContactRecord> b)
    {
        b.Property(r => r.Notes).HasMaxLength(2000);
        b.Property(r => r.NextAction).HasMaxLength(200);
        b.Property(r => r.RecordedBy).HasMaxLength(64);
        b.Property(r => r.Hash).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.EvidenceSha256).HasMaxLength(400);
        b.HasIndex(r => r.CaseId);
        b.HasIndex(r => new { r.UnitId, r.ContactedAtUtc });
        b.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContactRecord>().WithMany().HasForeignKey(r => r.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.HasPromise);
    }
}

internal sealed class PromiseOutcomeConfiguration : IEntityTypeConfiguration<PromiseOutcome>
{
    public void Configure(EntityTypeBuilder<PromiseOutcome> b)
    {
        b.HasKey(o => o.ContactRecordId);
        b.Property(o => o.ContactRecordId).ValueGeneratedNever();
        b.HasOne<ContactRecord>().WithOne().HasForeignKey<PromiseOutcome>(o => o.ContactRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.CaseId);
    }
}

internal sealed class ContactEvidenceConfiguration : IEntityTypeConfiguration<ContactEvidence>
{
    public void Configure(EntityTypeBuilder<ContactEvidence> b)
    {
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.ContentType).HasMaxLength(64);
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasIndex(e => e.ContactRecordId);
        b.HasOne<ContactRecord>().WithMany().HasForeignKey(e => e.ContactRecordId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.Property(t => t.Title).HasMaxLength(LetterTemplate.MaxTitle);
        b.Property(t => t.Body).HasMaxLength(LetterTemplate.MaxBody);
        b.HasIndex(t => t.Kind).IsUnique();
    }
}
