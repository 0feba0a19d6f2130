using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Imports;

/// <summary>
/// An uploaded register waiting for its column mapping and dry run. Kept in the database rather than in a node's
/// memory or disk, so any node can continue the import; deleted once imported, or after a day. Not a business
/// record, so not in the activity log — the records it creates are.
/// </summary>
public sealed class ImportUpload
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string Kind { get; init; } = "";

    public string FileName { get; init; } = "";

    public byte[] Content { get; init; } = [];

    public string UserId { get; init; } = "";

    public DateTime CreatedAt { get; init; }
}

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.Property(u => u.Kind).HasMaxLength(20).IsRequired();
        builder.Property(u => u.FileName).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(u => u.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.CreatedAt);
    }
}
