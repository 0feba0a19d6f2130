using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Documents;

/// <summary>A document's page: its register entry, links, versions, the version being worked on, reviews and campaigns.</summary>
public sealed class GetDocument(OpenIsmsDbContext db, DocumentSources sources)
{
    public sealed record Link(Guid Id, string Reference, string Title);

    public sealed record VersionRow
    {
        public required Guid Id { get; init; }

        public required string Label { get; init; }

        public required VersionState State { get; init; }

        public required string? ChangeSummary { get; init; }

        public required DateTime? ApprovedAt { get; init; }

        public required string? ContentSha256 { get; init; }

        public required DateTime CreatedAt { get; init; }
    }

    public sealed record ReviewRow
    {
        public required string ReviewedBy { get; init; }

        public required DateTime ReviewedAt { get; init; }

        public required string? VersionLabel { get; init; }

        public required string? Note { get; init; }

        public required DateOnly NextReview { get; init; }
    }

    public sealed record CampaignRow
    {
        public required Guid Id { get; init; }

        public required string VersionLabel { get; init; }

        public required string Audience { get; init; }

        public required DateOnly DueDate { get; init; }

        public required int People { get; init; }

        public required int Acknowledged { get; init; }

        public required DateTime CreatedAt { get; init; }
    }

    public sealed record View
    {
        public required ControlledDocument Document { get; init; }

        public required string OwnerName { get; init; }

        public required IReadOnlyList<Link> Controls { get; init; }

        public required IReadOnlyList<Link> Risks { get; init; }

        public required IReadOnlyList<VersionRow> Versions { get; init; }

        public required DocumentVersion? Current { get; init; }

        /// <summary>The version being written or waiting for approval.</summary>
        public required DocumentVersion? Pending { get; init; }

        public required IReadOnlyList<ReviewRow> Reviews { get; init; }

        public required IReadOnlyList<CampaignRow> Campaigns { get; init; }

        public required bool ReviewOverdue { get; init; }

        /// <summary>For a generated document: whether its source has changed since the version in force (or the draft) was generated.</summary>
        public Drift? SourceDrift { get; init; }
    }

    public sealed record Drift(string? BuiltFrom, string? SourceNow, bool OutOfDate, string? Problem)
    {
        /// <summary>A draft generated from the source as it is now is already open.</summary>
        public bool DraftUpToDate { get; init; }
    }

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Read))
        {
            return null;
        }

        var document = await db.Set<ControlledDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null)
        {
            return null;
        }

        var links = db.Set<DocumentLink>().AsNoTracking().Where(l => l.DocumentId == id);
        var controls = await links.Join(db.Set<Requirement>(), l => l.RequirementId, r => r.Id, (l, r) => r).OrderBy(r => r.SortOrder)
            .Select(r => new Link(r.Id, r.Code, r.Title)).ToListAsync(ct);
        var risks = await links.Join(db.Set<Risk>(), l => l.RiskId, r => r.Id, (l, r) => r).OrderBy(r => r.Reference)
            .Select(r => new Link(r.Id, r.Reference, r.Title)).ToListAsync(ct);
        var versions = await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
            .Select(v => new VersionRow
            {
                Id = v.Id, Label = v.Major + "." + v.Minor, State = v.State, ChangeSummary = v.ChangeSummary, ApprovedAt = v.ApprovedAt,
                ContentSha256 = v.ContentSha256, CreatedAt = v.CreatedAt,
            }).ToListAsync(ct);
        var openStates = new[] { VersionState.Draft, VersionState.InApproval, VersionState.Current };
        var open = await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == id && openStates.Contains(v.State)).ToListAsync(ct);
        var reviews = await db.Set<DocumentReview>().AsNoTracking().Where(r => r.DocumentId == id).OrderByDescending(r => r.ReviewedAt)
            .Select(r => new ReviewRow
            {
                ReviewedBy = db.Set<AppUser>().Where(u => u.Id == r.ReviewedById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                ReviewedAt = r.ReviewedAt, VersionLabel = r.VersionLabel, Note = r.Note, NextReview = r.NextReview,
            })
            .ToListAsync(ct);
        var campaigns = await db.Set<AckCampaign>().AsNoTracking().Where(c => c.DocumentId == id).OrderByDescending(c => c.CreatedAt)
            .Select(c => new CampaignRow
            {
                Id = c.Id, VersionLabel = c.VersionLabel, Audience = c.Audience, DueDate = c.DueDate, People = c.People, CreatedAt = c.CreatedAt,
                Acknowledged = db.Set<Acknowledgement>().Count(a => a.CampaignId == c.Id && a.State == AcknowledgementState.Acknowledged),
            }).ToListAsync(ct);
        var today = await db.Clock.Today(ct);
        return new View
        {
            Document = document,
            OwnerName = await db.Set<AppUser>().Where(u => u.Id == document.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "",
            Controls = controls,
            Risks = risks,
            Versions = versions,
            Current = open.FirstOrDefault(v => v.State == VersionState.Current),
            Pending = open.FirstOrDefault(v => v.State is VersionState.Draft or VersionState.InApproval),
            Reviews = reviews,
            Campaigns = campaigns,
            ReviewOverdue = ControlledDocument.IsReviewOverdue(document.NextReview, today),
            SourceDrift = document.Source == DocumentSource.None ? null : await DriftOf(document, open, ct),
        };
    }

    private async Task<Drift> DriftOf(ControlledDocument document, List<DocumentVersion> open, CancellationToken ct)
    {
        // Against the version in force once there is one (the "out of date with the register"), else the draft.
        var basis = open.FirstOrDefault(v => v.State == VersionState.Current) ?? open.FirstOrDefault();
        var now = await sources.Handle(document.Source, ct);
        if (!now.Succeeded)
        {
            return new Drift(basis?.SourceLabel, null, OutOfDate: false, now.Errors[0].Message);
        }

        var pending = open.FirstOrDefault(v => v.State is VersionState.Draft or VersionState.InApproval);
        return new Drift(basis?.SourceLabel, now.Value!.SourceLabel, basis?.SourceHash is { } hash && hash != now.Value.Hash, null)
        {
            DraftUpToDate = pending is not null && pending != basis && pending.SourceHash == now.Value.Hash,
        };
    }
}

/// <summary>One version with its approval record (every round), for the version's page and its export.</summary>
public sealed class GetDocumentVersion(OpenIsmsDbContext db)
{
    public sealed record ApprovalRow
    {
        public required int Round { get; init; }

        public required string ApproverId { get; init; }

        public required string ApproverName { get; init; }

        public required ApprovalDecision Decision { get; init; }

        public required string? Reason { get; init; }

        public required DateTime? DecidedAt { get; init; }
    }

    public sealed record View
    {
        public required ControlledDocument Document { get; init; }

        public required string OwnerName { get; init; }

        public required DocumentVersion Version { get; init; }

        public required string? SubmittedBy { get; init; }

        public required IReadOnlyList<ApprovalRow> Approvals { get; init; }

        /// <summary>The approvals of the round in progress or last held.</summary>
        public IEnumerable<ApprovalRow> LastRound => Approvals.Where(a => a.Round == Version.Round);
    }

    public async Task<View?> Handle(Guid documentId, Guid versionId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Read))
        {
            return null;
        }

        var version = await db.Set<DocumentVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.DocumentId == documentId, ct);
        if (version is null)
        {
            return null;
        }

        var document = await db.Set<ControlledDocument>().AsNoTracking().FirstAsync(d => d.Id == documentId, ct);
        var approvals = await db.Set<DocumentApproval>().AsNoTracking().Where(a => a.VersionId == versionId).OrderBy(a => a.Round).ThenBy(a => a.DecidedAt == null).ThenBy(a => a.DecidedAt)
            .Select(a => new ApprovalRow
            {
                Round = a.Round, ApproverId = a.ApproverId, Decision = a.Decision, Reason = a.Reason, DecidedAt = a.DecidedAt,
                ApproverName = db.Set<AppUser>().Where(u => u.Id == a.ApproverId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            }).ToListAsync(ct);
        var names = db.Set<AppUser>().AsNoTracking();
        return new View
        {
            Document = document,
            OwnerName = await names.Where(u => u.Id == document.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "",
            Version = version,
            SubmittedBy = version.SubmittedById is null ? null : await names.Where(u => u.Id == version.SubmittedById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct),
            Approvals = approvals,
        };
    }
}
