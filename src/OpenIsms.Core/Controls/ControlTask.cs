using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Controls;

public enum ControlTaskStatus
{
    Open,
    Done,
}

/// <summary>
/// One due run of a recurring control ("quarterly access review, due 31 Mar"). A periodic control always has one open
/// task; completing it with its evidence opens the next, one period after the last due date. Everything is computed
/// from the dates stored here, so a restart or a second node loses nothing.
/// </summary>
[AuditName("ControlTask")]
public sealed class ControlTask : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid ControlId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public ControlTaskStatus Status { get; private set; }

    public string? CompletedById { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public string? Note { get; private set; }

    public static ControlTask Open(Guid controlId, DateOnly dueOn) => new() { ControlId = controlId, DueOn = dueOn, Status = ControlTaskStatus.Open };

    public Result Complete(string userId, string? note, DateTime now)
    {
        var check = new Validation()
            .Must(Status == ControlTaskStatus.Open, "", "This task is already done.")
            .MaxLength(nameof(Note), note, Limits.ShortText, "The note");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Status = ControlTaskStatus.Done;
        CompletedById = userId;
        CompletedAt = now;
        Note = Text.OrNull(note);
        return Result.Ok();
    }

    /// <summary>The open task moves when the control's schedule changes.</summary>
    public void Reschedule(DateOnly dueOn) => DueOn = dueOn;
}

/// <summary>How often a control runs, turned into dates.</summary>
public static class ControlSchedule
{
    /// <summary>The date one period after <paramref name="from"/>, or null for a control that does not recur on a calendar.</summary>
    public static DateOnly? Next(ControlFrequency frequency, DateOnly from) => frequency switch
    {
        ControlFrequency.Daily => from.AddDays(1),
        ControlFrequency.Weekly => from.AddDays(7),
        ControlFrequency.Monthly => from.AddMonths(1),
        ControlFrequency.Quarterly => from.AddMonths(3),
        ControlFrequency.HalfYearly => from.AddMonths(6),
        ControlFrequency.Yearly => from.AddYears(1),
        _ => null,
    };

    public static bool Recurs(ControlFrequency frequency) => Next(frequency, DateOnly.MinValue) is not null;

    /// <summary>
    /// Until when evidence collected on a date counts, if the collector gives no date: until the next run is due;
    /// for a continuous control, a year (its configuration is re-checked yearly); for one that runs on events, no limit.
    /// </summary>
    public static DateOnly? EvidenceValidUntil(ControlFrequency frequency, DateOnly collectedOn) =>
        frequency == ControlFrequency.Continuous ? collectedOn.AddYears(1) : Next(frequency, collectedOn);
}

internal sealed class ControlTaskConfiguration : IEntityTypeConfiguration<ControlTask>
{
    public void Configure(EntityTypeBuilder<ControlTask> builder)
    {
        builder.HasOne<Control>().WithMany().HasForeignKey(t => t.ControlId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.CompletedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.CompletedById).HasMaxLength(450);
        builder.Property(t => t.Note).HasMaxLength(Limits.ShortText);
        builder.HasIndex(t => new { t.ControlId, t.Status, t.DueOn });
        builder.HasIndex(t => new { t.Status, t.DueOn });
    }
}
