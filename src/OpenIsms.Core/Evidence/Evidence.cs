using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Evidence;

public enum EvidenceKind
{
    File,
    Link,
    Note,
}

public enum EvidenceReview
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>How an item of evidence stands today, for labels and filters.</summary>
public enum EvidenceState
{
    AwaitingReview,
    Current,
    ExpiringSoon,
    Expired,
    Rejected,
}

/// <summary>
/// Something that shows a control operating at a point in time: a stored file (by its SHA-256), a link or a note.
/// Who collected it and when, until when it counts, and the control owner's review.
/// </summary>
[AuditName("Evidence")]
public sealed class Evidence : Entity
{
    public const int ExpiringDays = 30;

    public EvidenceKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public string? Url { get; private set; }

    public string? FileName { get; private set; }

    public string? ContentType { get; private set; }

    public long? SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the stored file: its address in the store and the proof it is unchanged.</summary>
    public string? Sha256 { get; private set; }

    public string CollectedById { get; private set; } = "";

    public DateOnly CollectedOn { get; private set; }

    public DateOnly? ValidUntil { get; private set; }

    public EvidenceReview Review { get; private set; }

    public string? ReviewedById { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? ReviewComment { get; private set; }

    /// <summary>
    /// The control the evidence was collected for. Its owner reviews it; links to more controls add where it counts,
    /// not who may accept it.
    /// </summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? ControlId { get; private set; }

    /// <summary>The recurring task this evidence completed, if any.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? ControlTaskId { get; private set; }

    public sealed record Details(string Title, string? Description, DateOnly CollectedOn, DateOnly? ValidUntil);

    public static Result<Evidence> Create(EvidenceKind kind, Details d, string collectedById, Guid? taskId, string? url = null, StoredFile? file = null, Guid? controlId = null)
    {
        var check = new Validation()
            .Must(Enum.IsDefined(kind), "Kind", "Choose whether the evidence is a file, a link or a note.")
            .Required(nameof(Title), d.Title, "Enter a title that says what this evidence shows.")
            .MaxLength(nameof(Title), d.Title, Limits.Name, "The title")
            .MaxLength(nameof(Description), d.Description, Limits.LongText, kind == EvidenceKind.Note ? "The note" : "The description")
            .Must(d.CollectedOn != default, nameof(CollectedOn), "Enter the date the evidence was collected.")
            .Must(d.ValidUntil is null || d.ValidUntil >= d.CollectedOn, nameof(ValidUntil), "The valid-until date must be on or after the date it was collected.");
        if (kind == EvidenceKind.Note)
        {
            check.Required(nameof(Description), d.Description, "Write the note: what was checked, by whom, and what was found.");
        }

        if (kind == EvidenceKind.Link)
        {
            check.Must(Text.IsWebAddress(url), nameof(Url),
                "Enter the full address of the evidence, starting with https://.")
                .MaxLength(nameof(Url), url, 2000, "The address");
        }

        if (!check.IsValid)
        {
            return Result<Evidence>.From(check.ToResult());
        }

        return new Evidence
        {
            Kind = kind,
            Title = d.Title.Trim(),
            Description = Text.OrNull(d.Description),
            Url = kind == EvidenceKind.Link ? url!.Trim() : null,
            FileName = file?.FileName,
            ContentType = file?.ContentType,
            SizeBytes = file?.Size,
            Sha256 = file?.Sha256,
            CollectedById = collectedById,
            CollectedOn = d.CollectedOn,
            ValidUntil = d.ValidUntil,
            Review = EvidenceReview.Pending,
            ControlTaskId = taskId,
            ControlId = controlId,
        };
    }

    /// <summary>The control owner's decision. A rejection needs a reason, so the collector knows what to bring instead.</summary>
    public Result Decide(EvidenceReview decision, string? comment, string reviewerId, DateTime now, bool samePersonMayApprove = false)
    {
        var check = new Validation()
            .Must(IsReviewableBy(reviewerId, samePersonMayApprove), "", "You collected this evidence, so someone else must review it: the control's owner or an ISMS manager.")
            .Must(decision is EvidenceReview.Accepted or EvidenceReview.Rejected, "Decision", "Choose whether to accept or reject the evidence.")
            .Must(decision != EvidenceReview.Rejected || !string.IsNullOrWhiteSpace(comment), "Comment", "Say why the evidence is rejected.")
            .MaxLength("Comment", comment, Limits.ShortText, "The comment");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Review = decision;
        ReviewComment = Text.OrNull(comment);
        ReviewedById = reviewerId;
        ReviewedAt = now;
        return Result.Ok();
    }

    /// <summary>
    /// The record-level review rule: the owner of the control the evidence was collected for, or a holder of
    /// <see cref="EvidencePermissions.Review"/>. Linking evidence to one's own control gives no right to accept it.
    /// </summary>
    public static bool MayBeReviewedBy(ICurrentUser user, string? collectedForOwnerId) =>
        user.Has(EvidencePermissions.Review)
        || (user.UserId is not null && user.Has(EvidencePermissions.Read) && user.Has(OwnerDuties.Control) && collectedForOwnerId == user.UserId);

    /// <summary>Four eyes: the collector does not review their own evidence, unless the organisation allows it.</summary>
    public bool IsReviewableBy(string userId, bool samePersonMayApprove) => samePersonMayApprove || CollectedById != userId;

    /// <summary>The person who collected it also reviewed it, as the organisation's setting allowed.</summary>
    public bool ReviewedByCollector => ReviewedById is not null && ReviewedById == CollectedById;

    public static EvidenceState StateOf(EvidenceReview review, DateOnly? validUntil, DateOnly today) =>
        review == EvidenceReview.Rejected ? EvidenceState.Rejected
        : validUntil < today ? EvidenceState.Expired
        : review == EvidenceReview.Pending ? EvidenceState.AwaitingReview
        : validUntil < today.AddDays(ExpiringDays) ? EvidenceState.ExpiringSoon
        : EvidenceState.Current;
}

/// <summary>A file as the store keeps it; the name is the uploader's, checked for path separators and control characters.</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string Sha256);

/// <summary>A control that an item of evidence shows operating (and through it, the Annex A controls it implements).</summary>
[AuditName("EvidenceControl")]
public sealed class EvidenceControl : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid EvidenceId { get; init; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid ControlId { get; init; }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(Limits.Name).IsRequired();
        builder.Property(e => e.Description).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Url).HasMaxLength(2000);
        builder.Property(e => e.FileName).HasMaxLength(Limits.Name);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.CollectedById).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ReviewedById).HasMaxLength(450);
        builder.Property(e => e.ReviewComment).HasMaxLength(Limits.ShortText);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.CollectedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ReviewedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ControlTask>().WithMany().HasForeignKey(e => e.ControlTaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Control>().WithMany().HasForeignKey(e => e.ControlId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ControlId, e.Review, e.CollectedOn });
        builder.HasIndex(e => e.Sha256);
        // The register: newest first, walked in index order; its state filters counted from the indexes alone.
        builder.HasIndex(e => new { e.CollectedOn, e.Id });
        builder.HasIndex(e => new { e.Review, e.ValidUntil });
        builder.HasIndex(e => new { e.ValidUntil, e.Review });

        // Covers "My work": a control owner's evidence reached through the links, filtered and ordered without the table.
        builder.HasIndex(e => new { e.Id, e.Review, e.ValidUntil, e.CollectedOn });
    }
}

internal sealed class EvidenceControlConfiguration : IEntityTypeConfiguration<EvidenceControl>
{
    public void Configure(EntityTypeBuilder<EvidenceControl> builder)
    {
        builder.HasOne<Evidence>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Control>().WithMany().HasForeignKey(x => x.ControlId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ControlId, x.EvidenceId }).IsUnique();
        builder.HasIndex(x => x.EvidenceId);
    }
}
