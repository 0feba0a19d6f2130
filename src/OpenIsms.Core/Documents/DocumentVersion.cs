using System.Security.Cryptography;
using System.Text;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Documents;

/// <summary>
/// One version of a document, <c>major.minor</c>. A draft is edited freely; submitting freezes it for its approvers;
/// approval makes it current with the SHA-256 of its content, and the version it replaces is superseded but kept.
/// The content is Markdown written in OpenIsms, or a file kept in the evidence store.
/// </summary>
[AuditName("DocumentVersion")]
public sealed class DocumentVersion : Entity
{
    public const int MaxContent = 2_000_000;

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid DocumentId { get; private set; }

    public int Major { get; private set; }

    public int Minor { get; private set; }

    public string Label => $"{Major}.{Minor}";

    public VersionState State { get; private set; }

    /// <summary>The text, in Markdown (raw HTML is shown as text).</summary>
    public string? Content { get; private set; }

    public string? FileName { get; private set; }

    public string? FileContentType { get; private set; }

    public long? FileSize { get; private set; }

    public string? FileSha256 { get; private set; }

    public string? ChangeSummary { get; private set; }

    /// <summary>Whether this version asks its audience to acknowledge it again: yes for a major version, for a minor one only when the owner says so.</summary>
    public bool AskAcknowledgement { get; private set; }

    public Quorum Quorum { get; private set; }

    /// <summary>How many approvals a <see cref="Quorum.Count"/> quorum needs.</summary>
    public int QuorumCount { get; private set; }

    /// <summary>Each submission opens a new round of decisions; earlier rounds are kept.</summary>
    public int Round { get; private set; }

    public string? SubmittedById { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    /// <summary>The SHA-256 of what was approved: the Markdown's UTF-8 bytes, or the file's.</summary>
    public string? ContentSha256 { get; private set; }

    public string CreatedById { get; private set; } = "";

    /// <summary>For a generated draft: which version of its source it was built from ("Scope version 3").</summary>
    public string? SourceLabel { get; private set; }

    /// <summary>The SHA-256 of the text as generated (before anyone edited it): a different hash now means the source changed.</summary>
    public string? SourceHash { get; private set; }

    private DocumentVersion()
    {
    }

    public static DocumentVersion FirstDraft(Guid documentId, string userId) =>
        new() { DocumentId = documentId, Major = 0, Minor = 1, State = VersionState.Draft, CreatedById = userId, AskAcknowledgement = true };

    /// <summary>The next version after <paramref name="from"/>: 1.0 → 1.1 or 2.0, starting from its content.</summary>
    public static DocumentVersion After(DocumentVersion from, bool major, string userId) => new()
    {
        DocumentId = from.DocumentId,
        Major = major ? from.Major + 1 : from.Major,
        Minor = major ? 0 : from.Minor + 1,
        State = VersionState.Draft,
        Content = from.Content,
        FileName = from.FileName,
        FileContentType = from.FileContentType,
        FileSize = from.FileSize,
        FileSha256 = from.FileSha256,
        AskAcknowledgement = major,
        CreatedById = userId,
    };

    public bool IsFrozen => State != VersionState.Draft;

    public Result Edit(string? content, string? changeSummary, bool askAcknowledgement)
    {
        if (IsFrozen)
        {
            return Result.Fail($"Version {Label} is {(State == VersionState.InApproval ? "waiting for approval" : "approved")} and can no longer be changed. Start a new version to change the document.");
        }

        var check = new Validation()
            .Must(content is null || content.Length <= MaxContent, nameof(Content), $"The text must be {MaxContent:N0} characters or fewer (it has {content?.Length:N0}).")
            .MaxLength(nameof(ChangeSummary), changeSummary, Limits.ShortText, "The change summary");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Content = content is null ? null : Normalise(content);
        ChangeSummary = Text.OrNull(changeSummary);
        // A first version and every major one is acknowledged again; a minor one only when asked.
        AskAcknowledgement = Minor == 0 || Major == 0 || askAcknowledgement;
        return Result.Ok();
    }

    /// <summary>Replaces a draft's text with one generated from its source, and records which source version that was.</summary>
    public Result Regenerate(DocumentSources.Generated generated)
    {
        var edited = Edit(generated.Markdown, ChangeSummary ?? $"Generated from {generated.SourceLabel}", AskAcknowledgement);
        if (edited.Succeeded)
        {
            SourceLabel = generated.SourceLabel;
            SourceHash = generated.Hash;
        }

        return edited;
    }

    public Result AttachFile(string fileName, string contentType, long size, string sha256)
    {
        if (IsFrozen)
        {
            return Result.Fail($"Version {Label} can no longer be changed.");
        }

        FileName = fileName;
        FileContentType = contentType;
        FileSize = size;
        FileSha256 = sha256;
        return Result.Ok();
    }

    public void RemoveFile()
    {
        if (!IsFrozen)
        {
            FileName = null;
            FileContentType = null;
            FileSize = null;
            FileSha256 = null;
        }
    }

    public bool HasContent => !string.IsNullOrWhiteSpace(Content) || FileSha256 is not null;

    /// <summary>Freezes the draft for its approvers; a new round of decisions starts.</summary>
    public Result Submit(string userId, DateTime at, Quorum quorum, int quorumCount, int approvers)
    {
        var check = new Validation()
            .Must(State == VersionState.Draft, "", $"Version {Label} has already been submitted.")
            .Must(HasContent, nameof(Content), "Write the document's text or attach its file before submitting it.")
            .Must(approvers > 0, "ApproverIds", "Name at least one approver.")
            .Must(quorum != Quorum.Count || quorumCount >= 1 && quorumCount <= approvers, "QuorumCount",
                $"The number of approvals needed must be between 1 and the number of approvers ({approvers}).");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        State = VersionState.InApproval;
        Quorum = quorum;
        QuorumCount = quorum switch { Quorum.All => approvers, Quorum.Any => 1, _ => quorumCount };
        Round++;
        SubmittedById = userId;
        SubmittedAt = at;
        return Result.Ok();
    }

    /// <summary>A rejection returns the version to its author as a draft.</summary>
    public void Reopen() => State = VersionState.Draft;

    public void Approve(DateTime at)
    {
        State = VersionState.Current;
        ApprovedAt = at;
        ContentSha256 = ContentHash(Content, FileSha256);
    }

    public void Supersede() => State = VersionState.Superseded;

    /// <summary>
    /// What an approval freezes: the text's SHA-256, or the file's, or — a version with both — the SHA-256 of the two
    /// hashes on two lines (text first), so neither can change unseen.
    /// </summary>
    public static string ContentHash(string? content, string? fileSha256) =>
        string.IsNullOrWhiteSpace(content) ? fileSha256 ?? Hash("")
        : fileSha256 is null ? Hash(content)
        : Hash(Hash(content) + "\n" + fileSha256);

    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>Line ends as \n, so the same text hashes the same whichever browser sent it.</summary>
    public static string Normalise(string content) => content.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>Approved once enough approvers approve; rejected once too many reject for the rest to reach the quorum.</summary>
    public static ApprovalDecision Outcome(int needed, int approvers, int approved, int rejected) =>
        approved >= needed ? ApprovalDecision.Approved
        : rejected > approvers - needed ? ApprovalDecision.Rejected
        : ApprovalDecision.Pending;
}

/// <summary>An approver's decision on a submitted version, in one round of approval.</summary>
[AuditName("DocumentApproval")]
public sealed class DocumentApproval : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid VersionId { get; private set; }

    public Guid DocumentId { get; private set; }

    public int Round { get; private set; }

    public string ApproverId { get; private set; } = "";

    public ApprovalDecision Decision { get; private set; }

    public string? Reason { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    private DocumentApproval()
    {
    }

    public static DocumentApproval Ask(DocumentVersion version, string approverId) =>
        new() { VersionId = version.Id, DocumentId = version.DocumentId, Round = version.Round, ApproverId = approverId };

    public Result Decide(bool approve, string? reason, DateTime at)
    {
        var check = new Validation()
            .Must(Decision == ApprovalDecision.Pending, "", "You have already decided on this version.")
            .Must(approve || !string.IsNullOrWhiteSpace(reason), nameof(Reason), "Say why you reject it, so the author knows what to change.")
            .MaxLength(nameof(Reason), reason, Limits.ShortText, "The reason");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Decision = approve ? ApprovalDecision.Approved : ApprovalDecision.Rejected;
        Reason = Text.OrNull(reason);
        DecidedAt = at;
        return Result.Ok();
    }
}

/// <summary>A periodic review: the document was read again, with or without a change; the next review date moves.</summary>
[AuditName("DocumentReview")]
public sealed class DocumentReview : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid DocumentId { get; private set; }

    public string? VersionLabel { get; private set; }

    public string ReviewedById { get; private set; } = "";

    public DateTime ReviewedAt { get; private set; }

    public string? Note { get; private set; }

    public DateOnly NextReview { get; private set; }

    private DocumentReview()
    {
    }

    public static DocumentReview Record(ControlledDocument document, string userId, DateTime at, string? note, DateOnly next) =>
        new() { DocumentId = document.Id, VersionLabel = document.CurrentLabel, ReviewedById = userId, ReviewedAt = at, Note = Text.OrNull(note), NextReview = next };
}

/// <summary>A document describes an Annex A control (its SoA page lists it), or addresses a risk (the risk's page lists it).</summary>
[AuditName("DocumentLink")]
public sealed class DocumentLink : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid DocumentId { get; set; }

    /// <summary>An Annex A control of the catalogue.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid? RequirementId { get; set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid? RiskId { get; set; }
}
