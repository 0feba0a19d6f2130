using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Documents;

/// <summary>The document register, filtered and paged in SQL, with each owner's name and overdue reviews flagged.</summary>
public sealed class ListDocuments(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required DocumentKind Kind { get; init; }

        public required string OwnerName { get; init; }

        public required string? Classification { get; init; }

        public required DocumentStatus Status { get; init; }

        public required string? CurrentLabel { get; init; }

        public required DateTime? CurrentApprovedAt { get; init; }

        public required string? PendingLabel { get; init; }

        public required VersionState? PendingState { get; init; }

        public required DateOnly? NextReview { get; init; }

        public required bool ReviewOverdue { get; init; }
    }

    public IQueryable<ControlledDocument> Filter(DocumentFilter f, DateOnly today)
    {
        var q = db.Set<ControlledDocument>().AsNoTracking();
        if (f.Kind is { } kind)
        {
            q = q.Where(d => d.Kind == kind);
        }

        if (f.Status is { } status)
        {
            q = q.Where(d => d.Status == status);
        }

        if (f.OwnerId is { } owner)
        {
            q = q.Where(d => d.OwnerId == owner);
        }

        if (f.ReviewOverdue)
        {
            q = q.Where(d => d.NextReview != null && d.NextReview < today);
        }

        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var term = "%" + f.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(d => EF.Functions.Like(d.Reference.ToLower(), term) || EF.Functions.Like(d.Title.ToLower(), term)
                || EF.Functions.Like((d.Purpose ?? "").ToLower(), term));
        }

        return q;
    }

    public async Task<Page<Row>> Handle(DocumentFilter f, CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var q = Filter(f, today);
        var size = PageSizes.Normalise(f.PageSize);
        var page = PageSizes.NormalisePage(f.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(d => d.Reference).Skip((page - 1) * size).Take(size)
            .Select(d => new Row
            {
                Id = d.Id,
                Reference = d.Reference,
                Title = d.Title,
                Kind = d.Kind,
                OwnerName = db.Set<AppUser>().Where(u => u.Id == d.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                Classification = d.Classification,
                Status = d.Status,
                CurrentLabel = d.CurrentLabel,
                CurrentApprovedAt = d.CurrentApprovedAt,
                PendingLabel = d.PendingLabel,
                PendingState = d.PendingState,
                NextReview = d.NextReview,
                ReviewOverdue = d.NextReview != null && d.NextReview < today,
            }).ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}

/// <summary>The documents linked to an Annex A control or a risk, for that record's page.</summary>
public sealed class ListLinkedDocuments(OpenIsmsDbContext db)
{
    public sealed record Row(Guid Id, string Reference, string Title, string? CurrentLabel);

    public Task<List<Row>> Handle(Guid? requirementId, Guid? riskId, CancellationToken ct = default) =>
        db.Set<DocumentLink>().AsNoTracking()
            .Where(l => requirementId != null && l.RequirementId == requirementId || riskId != null && l.RiskId == riskId)
            .Join(db.Set<ControlledDocument>(), l => l.DocumentId, d => d.Id, (l, d) => d)
            .Distinct().OrderBy(d => d.Reference)
            .Select(d => new Row(d.Id, d.Reference, d.Title, d.CurrentLabel)).ToListAsync(ct);
}
