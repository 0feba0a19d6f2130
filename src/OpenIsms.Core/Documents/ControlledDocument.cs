using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Documents;

/// <summary>
/// A document under control (clause 7.5): a policy, procedure, standard, plan, record template or an external document
/// the organisation relies on. Its content lives in its <see cref="DocumentVersion"/>s; the register row carries what
/// the register filters on — the version in force, the one being worked on, and the next review.
/// </summary>
[AuditName("Document")]
public sealed class ControlledDocument : Entity, IAutoNumbered
{
    public const int MaxReviewMonths = 60;

    private bool numberedAutomatically;

    private ControlledDocument()
    {
    }

    /// <summary>A new document; its kind chooses the number series a blank identifier is taken from.</summary>
    public ControlledDocument(DocumentKind kind) => Kind = kind;

    public string Reference { get; private set; } = "";

    string IAutoNumbered.ReferencePrefix => DocumentKinds.Prefix(Kind);

    bool IAutoNumbered.NumberedAutomatically => numberedAutomatically;

    public void NumberAutomatically() => numberedAutomatically = true;

    void IAutoNumbered.Renumber(string reference) => Reference = reference;

    public DocumentKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What the document is for, in a sentence or two.</summary>
    public string? Purpose { get; private set; }

    /// <summary>The user accountable for the document: its reviews are on their work.</summary>
    public string OwnerId { get; private set; } = "";

    /// <summary>A level of the organisation's classification scheme, by name.</summary>
    public string? Classification { get; private set; }

    /// <summary>Who the document is for, in words ("All staff", "IT operations").</summary>
    public string? Audience { get; private set; }

    public int ReviewIntervalMonths { get; private set; } = 12;

    public DateOnly? NextReview { get; private set; }

    /// <summary>The ISO/IEC 27001 clauses the document answers to, such as "5.2, 7.5".</summary>
    public string? Clauses { get; private set; }

    /// <summary>For an external document: who issues it (a law, a customer contract, a standard) and which edition is relied on.</summary>
    public string? ExternalSource { get; private set; }

    public string? ExternalVersion { get; private set; }

    public DocumentStatus Status { get; private set; }

    /// <summary>The register a generated document is drafted from; None for one written by hand.</summary>
    public DocumentSource Source { get; private set; }

    /// <summary>A document generated from a register: owned by whoever generated it, reviewed yearly.</summary>
    public static ControlledDocument GeneratedFrom(DocumentSource source, DocumentSources.Generated generated, string ownerId) => new(generated.Kind)
    {
        Source = source,
        Title = generated.Title,
        OwnerId = ownerId,
        Clauses = generated.Clauses,
        Audience = source == DocumentSource.SecurityPolicy ? "Everyone in the scope of the ISMS" : null,
    };

    public Guid? CurrentVersionId { get; private set; }

    public string? CurrentLabel { get; private set; }

    public DateTime? CurrentApprovedAt { get; private set; }

    /// <summary>The version being written or waiting for approval, if any.</summary>
    public string? PendingLabel { get; private set; }

    public VersionState? PendingState { get; private set; }

    public static bool IsReviewOverdue(DateOnly? nextReview, DateOnly today) => nextReview < today;

    public Result Update(SaveDocument.Command c, string reference)
    {
        var check = new Validation()
            .Required(nameof(Reference), reference, "Enter the document's identifier, or leave it blank to number it automatically.")
            .MaxLength(nameof(Reference), reference, 50, "The identifier")
            .Required(nameof(Title), c.Title, "Enter the document's title.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The title")
            .MaxLength(nameof(Purpose), c.Purpose, Limits.ShortText, "The purpose")
            .Required(nameof(OwnerId), c.OwnerId, "Choose the document's owner: the person who keeps it up to date.")
            .MaxLength(nameof(Audience), c.Audience, Limits.Name, "The audience")
            .Must(c.ReviewIntervalMonths is >= 1 and <= MaxReviewMonths, nameof(ReviewIntervalMonths), $"Enter how often it is reviewed: 1 to {MaxReviewMonths} months.")
            .MaxLength(nameof(Clauses), c.Clauses, Limits.Name, "The clauses")
            .MaxLength(nameof(ExternalSource), c.ExternalSource, Limits.Name, "The source")
            .MaxLength(nameof(ExternalVersion), c.ExternalVersion, 100, "The edition")
            .Must(c.Kind != DocumentKind.External || !string.IsNullOrWhiteSpace(c.ExternalSource), nameof(ExternalSource), "Say where an external document comes from: the law, contract or standard and who issues it.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Reference = reference.Trim();
        Kind = c.Kind;
        Title = c.Title!.Trim();
        Purpose = Text.OrNull(c.Purpose);
        OwnerId = c.OwnerId!.Trim();
        Classification = Text.OrNull(c.Classification);
        Audience = Text.OrNull(c.Audience);
        ReviewIntervalMonths = c.ReviewIntervalMonths;
        Clauses = Text.OrNull(c.Clauses);
        ExternalSource = c.Kind == DocumentKind.External ? Text.OrNull(c.ExternalSource) : null;
        ExternalVersion = c.Kind == DocumentKind.External ? Text.OrNull(c.ExternalVersion) : null;
        return Result.Ok();
    }

    /// <summary>The register follows the version being worked on.</summary>
    public void Track(DocumentVersion pending)
    {
        PendingLabel = pending.Label;
        PendingState = pending.State;
        if (CurrentVersionId is null)
        {
            Status = pending.State == VersionState.InApproval ? DocumentStatus.InApproval : DocumentStatus.Draft;
        }
    }

    /// <summary>An approved version comes into force; the next review counts from the day of approval.</summary>
    public void Publish(DocumentVersion version, DateOnly approvedOn)
    {
        CurrentVersionId = version.Id;
        CurrentLabel = version.Label;
        CurrentApprovedAt = version.ApprovedAt;
        PendingLabel = null;
        PendingState = null;
        Status = DocumentStatus.Approved;
        NextReview = approvedOn.AddMonths(ReviewIntervalMonths);
    }

    /// <summary>A review without a new version moves the next review date.</summary>
    public void Reviewed(DateOnly next) => NextReview = next;
}
