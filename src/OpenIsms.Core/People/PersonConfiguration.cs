using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => new { p.Name, p.Id }); // the list's order
        builder.HasIndex(p => new { p.Department, p.Name });
        builder.HasIndex(p => p.LeavingDate);
        builder.HasIndex(p => p.UserId);
        builder.Property(p => p.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Department).HasMaxLength(100);
        builder.Property(p => p.JobTitle).HasMaxLength(100);
        builder.Property(p => p.UserId).HasMaxLength(450);
    }
}
