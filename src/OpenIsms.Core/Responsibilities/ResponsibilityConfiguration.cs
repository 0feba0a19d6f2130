using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Responsibilities;

internal sealed class IsmsRoleConfiguration : IEntityTypeConfiguration<IsmsRole>
{
    public void Configure(EntityTypeBuilder<IsmsRole> builder)
    {
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(r => r.Responsibilities).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Authorities).HasMaxLength(Limits.LongText);
        builder.Property(r => r.GrantedBy).HasMaxLength(Limits.Name);
    }
}

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> builder)
    {
        builder.HasOne<IsmsRole>().WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RoleId, a.PersonId, a.From }).IsUnique();
        builder.HasIndex(a => new { a.PersonId, a.Until });
        builder.Property(a => a.Note).HasMaxLength(Limits.ShortText);
    }
}

internal sealed class RaciActivityConfiguration : IEntityTypeConfiguration<RaciActivity>
{
    public void Configure(EntityTypeBuilder<RaciActivity> builder)
    {
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasIndex(a => new { a.Position, a.Name });
        builder.Property(a => a.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(a => a.ControlCode).HasMaxLength(20);
    }
}

internal sealed class RaciCellConfiguration : IEntityTypeConfiguration<RaciCell>
{
    public void Configure(EntityTypeBuilder<RaciCell> builder)
    {
        builder.HasOne<RaciActivity>().WithMany().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IsmsRole>().WithMany().HasForeignKey(c => c.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ActivityId, c.RoleId }).IsUnique();
        builder.HasIndex(c => c.RoleId);
    }
}
