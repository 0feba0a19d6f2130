using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(o => o.TimeZone).HasMaxLength(64).IsRequired().HasDefaultValue(Organisation.DefaultTimeZone);
    }
}
