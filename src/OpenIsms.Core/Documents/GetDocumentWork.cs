using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Documents;

/// <summary>What the document register asks of the signed-in person: versions to approve, reviews due, documents to acknowledge.</summary>
public sealed class GetDocumentWork(OpenIsmsDbContext db)
{
    public sealed record ToApprove
    {
        public required Guid DocumentId { get; init; }

        public required Guid VersionId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required string Label { get; init; }

        public required DateTime? SubmittedAt { get; init; }
    }

    public sealed record ToReview
    {
        public required Guid DocumentId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required DateOnly NextReview { get; init; }

        public required bool Overdue { get; init; }
    }

    public sealed record ToAcknowledge
    {
        public required Guid AcknowledgementId { get; init; }

        public required Guid DocumentId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required string Label { get; init; }

        public required DateOnly DueDate { get; init; }

        public required bool Overdue { get; init; }
    }

    public sealed record View(IReadOnlyList<ToApprove> Approvals, IReadOnlyList<ToReview> Reviews, IReadOnlyList<ToAcknowledge> Acknowledgements)
    {
        public bool IsEmpty => Approvals.Count + Reviews.Count + Acknowledgements.Count == 0;
    }

    /// <summary>Reviews show on the owner's work this many days before they are due.</summary>
    public const int ReviewLeadDays = 30;

    public async Task<View> Handle(CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return new View([], [], []);
        }

        var today = await db.Clock.Today(ct);
        var approvals = !db.CurrentUser.Has(DocumentPermissions.Approve) ? [] : await (
            from a in db.Set<DocumentApproval>().AsNoTracking()
            where a.ApproverId == userId && a.Decision == ApprovalDecision.Pending
            join v in db.Set<DocumentVersion>() on a.VersionId equals v.Id
            where v.State == VersionState.InApproval && v.Round == a.Round
            join d in db.Set<ControlledDocument>() on v.DocumentId equals d.Id
            orderby v.SubmittedAt
            select new ToApprove { DocumentId = d.Id, VersionId = v.Id, Reference = d.Reference, Title = d.Title, Label = v.Major + "." + v.Minor, SubmittedAt = v.SubmittedAt }).Take(50).ToListAsync(ct);
        var horizon = today.AddDays(ReviewLeadDays);
        var reviews = await db.Set<ControlledDocument>().AsNoTracking()
            .Where(d => d.OwnerId == userId && d.NextReview != null && d.NextReview <= horizon).OrderBy(d => d.NextReview).Take(50)
            .Select(d => new ToReview { DocumentId = d.Id, Reference = d.Reference, Title = d.Title, NextReview = d.NextReview!.Value, Overdue = d.NextReview < today }).ToListAsync(ct);
        var mine = db.Set<Person>().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id);
        var acknowledgements = await (
            from a in db.Set<Acknowledgement>().AsNoTracking()
            where a.State == AcknowledgementState.Pending && mine.Contains(a.PersonId)
            join c in db.Set<AckCampaign>() on a.CampaignId equals c.Id
            join d in db.Set<ControlledDocument>() on a.DocumentId equals d.Id
            orderby c.DueDate
            select new ToAcknowledge { AcknowledgementId = a.Id, DocumentId = d.Id, Reference = d.Reference, Title = d.Title, Label = a.VersionLabel, DueDate = c.DueDate, Overdue = c.DueDate < today }).Take(50).ToListAsync(ct);
        return new View(approvals, reviews, acknowledgements);
    }
}
