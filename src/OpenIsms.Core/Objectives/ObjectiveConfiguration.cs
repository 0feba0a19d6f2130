using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Objectives;

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.Status, o.DueOn });
        builder.HasIndex(o => o.OwnerId);
        builder.Property(o => o.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(o => o.Target).HasMaxLength(Limits.ShortText).IsRequired();
        builder.Property(o => o.Description).HasMaxLength(Limits.LongText);
        builder.Property(o => o.PolicyLink).HasMaxLength(Limits.ShortText);
        builder.Property(o => o.Actions).HasMaxLength(Limits.LongText);
        builder.Property(o => o.Resources).HasMaxLength(Limits.ShortText);
        builder.Property(o => o.Responsible).HasMaxLength(Limits.Name);
        builder.Property(o => o.Evaluation).HasMaxLength(Limits.ShortText);
        builder.Property(o => o.OwnerId).HasMaxLength(450);
    }
}

internal sealed class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.MeasuredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Objective>().WithMany().HasForeignKey(m => m.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.Name).IsUnique();
        builder.HasIndex(m => m.ObjectiveId);
        builder.HasIndex(m => new { m.RetiredOn, m.NextDueOn });
        builder.HasIndex(m => new { m.MeasuredById, m.NextDueOn });
        builder.Property(m => m.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(Limits.LongText);
        builder.Property(m => m.Method).HasMaxLength(Limits.ShortText);
        builder.Property(m => m.Unit).HasMaxLength(40);
        builder.Property(m => m.AnalysedBy).HasMaxLength(Limits.Name);
        builder.Property(m => m.MeasuredById).HasMaxLength(450);
        builder.Property(m => m.Target).HasPrecision(18, 4);
        builder.Property(m => m.Threshold).HasPrecision(18, 4);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> builder)
    {
        builder.HasOne<Metric>().WithMany().HasForeignKey(m => m.MetricId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Measurement>().WithMany().HasForeignKey(m => m.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.MetricId, m.TakenOn });
        builder.HasIndex(m => m.SupersedesId).IsUnique(); // one correction per measurement; a second corrects the correction
        builder.Property(m => m.Value).HasPrecision(18, 4);
        builder.Property(m => m.Note).HasMaxLength(Limits.ShortText);
        builder.Property(m => m.RecordedBy).HasMaxLength(256);
    }
}
