using Kaohe.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaohe.Data.Configurations;

internal sealed class CityGroupConfiguration : IEntityTypeConfiguration<CityGroup>
{
    public void Configure(EntityTypeBuilder<CityGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(32);
        b.HasIndex(g => g.Name).IsUnique();
        b.Property(g => g.DivisionCode).HasMaxLength(6);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(64);
        b.Property(u => u.PublishedName).HasMaxLength(64);
        b.Property(u => u.DivisionCode).HasMaxLength(6);
        b.Property(u => u.CodeVintage).HasMaxLength(32);
        b.Property(u => u.ParentCity).HasMaxLength(32);
        b.Property(u => u.Note).HasMaxLength(500);
        b.Property(u => u.CentreAddress).HasMaxLength(200);
        b.Property(u => u.CentrePhone).HasMaxLength(40);
        b.HasIndex(u => u.DivisionCode).IsUnique();
        b.HasIndex(u => new { u.CityGroupId, u.Name }).IsUnique();
        b.HasOne(u => u.CityGroup).WithMany(g => g.Units).HasForeignKey(u => u.CityGroupId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(u => u.Aliases).WithOne().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(u => u.ServedDistricts).WithOne().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(u => u.ReportsToProvince);
    }
}

internal sealed class UnitAliasConfiguration : IEntityTypeConfiguration<UnitAlias>
{
    public void Configure(EntityTypeBuilder<UnitAlias> b)
    {
        b.Property(a => a.Name).HasMaxLength(64);
        b.HasIndex(a => a.Name);
    }
}

internal sealed class ServedDistrictConfiguration : IEntityTypeConfiguration<ServedDistrict>
{
    public void Configure(EntityTypeBuilder<ServedDistrict> b)
    {
        b.Property(d => d.Name).HasMaxLength(64);
        b.Property(d => d.DivisionCode).HasMaxLength(6);
    }
}
