using Kaohe.Domain.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaohe.Data.Configurations;

internal sealed class LedgerSnapshotConfiguration : IEntityTypeConfiguration<LedgerSnapshot>
{
    public void Configure(EntityTypeBuilder<LedgerSnapshot> b)
    {
        b.Property(s => s.ImportedBy).HasMaxLength(64);
        b.Property(s => s.SourceFileName).HasMaxLength(260);
        b.Property(s => s.SourceSha256).HasMaxLength(64).IsFixedLength();
        b.HasIndex(s => new { s.UnitId, s.Kind, s.SourceSha256 }).IsUnique();
        b.HasIndex(s => new { s.Kind, s.SupersededAtUtc });
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(s => s.IsCurrent);
    }
}

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> b)
    {
        b.Property(i => i.ContractNumber).HasMaxLength(LedgerLimits.ContractNumber);
        b.Property(i => i.BorrowerName).HasMaxLength(LedgerLimits.PersonName);
        // Rows are read snapshot by snapshot (figures stream over one snapshot's rows) and by borrower within a
        // unit's current snapshot: one index serves both, and the import writes each snapshot's rows in its order
        // (chunk by chunk: InstalmentChunk). On PostgreSQL it is a BRIN index: rows sorted on disk make a block range index exact enough for a
        // borrower's page (milliseconds) at a fraction of a B-tree's insert cost; a B-tree key (or any primary key)
        // was a third of a PostgreSQL import. Rows are bulk facts written only by the import, never updated:
        // the entity has no key. No foreign key to the snapshot either: its per-row check was most of an import;
        // rows are only written for snapshots created in the same transaction, and nothing deletes either
        // (docs/benchmarks.md, "Import (b)"; docs/ledger-model.md).
        b.HasNoKey();
        b.HasIndex(i => new { i.SnapshotId, i.BorrowerKey }).HasMethod("brin").HasStorageParameter("pages_per_range", 16);
        b.Ignore(i => i.DueFen);
        b.Ignore(i => i.PaidFen);
    }
}

internal sealed class LedgerBorrowerConfiguration : IEntityTypeConfiguration<LedgerBorrower>
{
    public void Configure(EntityTypeBuilder<LedgerBorrower> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).ValueGeneratedNever();
        b.Property(x => x.IdNumberCipher).HasMaxLength(64);
    }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.Property(c => c.ContractNumber).HasMaxLength(LedgerLimits.ContractNumber);
        b.Property(c => c.BorrowerName).HasMaxLength(LedgerLimits.PersonName);
        b.Property(c => c.CoBorrowerName).HasMaxLength(LedgerLimits.PersonName);
        b.Property(c => c.University).HasMaxLength(LedgerLimits.University);
        b.Property(c => c.IdNumberCipher).HasMaxLength(64);
        b.Property(c => c.CoBorrowerIdNumberCipher).HasMaxLength(64);
        b.Property(c => c.PhoneCipher).HasMaxLength(64);
        b.HasIndex(c => c.SnapshotId);
        b.HasIndex(c => new { c.UnitId, c.BorrowerKey });
        // No foreign key to the snapshot, as for instalments: its per-row check was a fifth of a
        // PostgreSQL contract import, and rows are only written for snapshots made in the same transaction.
        b.Ignore(c => c.GraduationYear);
    }
}
