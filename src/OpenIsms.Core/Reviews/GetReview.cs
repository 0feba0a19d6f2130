using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Reviews;

/// <summary>
/// One management review: its pack (the frozen one, checked against its SHA-256, or the live one before the meeting), its
/// minutes per input, its conclusions and its actions.
/// </summary>
public sealed class GetReview(OpenIsmsDbContext db, GetReviewPack compile)
{
    public sealed record Action
    {
        public required Guid Id { get; init; }

        public required string Title { get; init; }

        public required string? Owner { get; init; }

        public required string? OwnerId { get; init; }

        public required DateOnly DueOn { get; init; }

        public required ReviewActionStatus Status { get; init; }

        public required string? Outcome { get; init; }

        public required int Version { get; init; }
    }

    public sealed record View
    {
        public required ManagementReview Review { get; init; }

        public required string? Chair { get; init; }

        public required ReviewPack Pack { get; init; }

        /// <summary>The frozen pack still hashes to the SHA-256 recorded when it was frozen (null before freezing).</summary>
        public required bool? PackIntact { get; init; }

        public required IReadOnlyDictionary<string, string> Minutes { get; init; }

        public required IReadOnlyList<Action> Actions { get; init; }

        public required DateOnly Today { get; init; }
    }

    /// <summary>The review alone, without compiling its pack (for the form that schedules it).</summary>
    public async Task<ManagementReview?> Header(Guid id, CancellationToken ct = default) =>
        await db.Set<ManagementReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var review = await db.Set<ManagementReview>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return null;
        }

        var frozen = review.PackJson is not null;
        var idText = id.ToString();
        return new View
        {
            Review = review,
            Chair = review.ChairId is null ? null : await db.Set<AppUser>().Where(u => u.Id == review.ChairId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct),
            Pack = frozen ? ReviewPack.FromJson(review.PackJson!) : await compile.Handle(id, ct),
            // Intact: the stored pack still hashes to its recorded SHA-256, and the activity log (chained, keyed outside the
            // database) recorded that same hash when it was frozen — so the row cannot have been rewritten with a new pair.
            PackIntact = frozen ? ReviewPack.Sha256(review.PackJson!) == review.PackSha256
                && await db.Set<Data.Log.ActivityEntry>().AnyAsync(e => e.EntityType == "ManagementReview" && e.EntityId == idText && e.After != null && e.After.Contains(review.PackSha256!), ct) : null,
            Minutes = await db.Set<ReviewInputMinute>().Where(m => m.ReviewId == id).ToDictionaryAsync(m => m.Input, m => m.Minutes, ct),
            Actions = await db.Set<ReviewAction>().AsNoTracking().Where(a => a.ReviewId == id).OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).Select(a => new Action
            {
                Id = a.Id, Title = a.Title, OwnerId = a.OwnerId, DueOn = a.DueOn, Status = a.Status, Outcome = a.Outcome, Version = a.Version,
                Owner = db.Set<AppUser>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct),
            Today = await db.Clock.Today(ct),
        };
    }
}

/// <summary>The management reviews, newest first.</summary>
public sealed class ListReviews(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required DateOnly ScheduledOn { get; init; }

        public required ReviewState State { get; init; }

        public required string? Chair { get; init; }

        public required int OpenActions { get; init; }
    }

    public async Task<Page<Row>> Handle(int page = 1, CancellationToken ct = default)
    {
        const int size = 25;
        page = PageSizes.NormalisePage(page);
        var q = db.Set<ManagementReview>().AsNoTracking();
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.ScheduledOn).ThenByDescending(r => r.Reference).Skip((page - 1) * size).Take(size).Select(r => new Row
        {
            Id = r.Id, Reference = r.Reference, Title = r.Title, ScheduledOn = r.ScheduledOn, State = r.State,
            Chair = db.Set<AppUser>().Where(u => u.Id == r.ChairId).Select(u => u.DisplayName).FirstOrDefault(),
            OpenActions = db.Set<ReviewAction>().Count(a => a.ReviewId == r.Id && a.Status == ReviewActionStatus.Open),
        }).ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}

/// <summary>Who may chair a review or own its actions.</summary>
public sealed class GetReviewFormOptions(OpenIsmsDbContext db)
{
    public async Task<IReadOnlyList<Choice>> Handle(CancellationToken ct = default) => await Owners.Choices(db, ReviewPermissions.Read, ct);
}

/// <summary>
/// What readiness asks of clause 9.3 — a concluded review with every input minuted and the three conclusions — and the
/// current user's review actions.
/// </summary>
public sealed class GetReviewFacts(OpenIsmsDbContext db)
{
    public sealed record MyAction(Guid ReviewId, string Title, DateOnly DueOn);

    public sealed record Facts
    {
        /// <summary>Concluded reviews with every input minuted and suitability, adequacy and effectiveness concluded.</summary>
        public required int Complete { get; init; }

        /// <summary>Of those, concluded within the last twelve months.</summary>
        public required int CompleteInLastYear { get; init; }

        public required DateOnly? LastConcludedOn { get; init; }

        public required int OpenActions { get; init; }

        public required IReadOnlyList<MyAction> Mine { get; init; }
    }

    public async Task<Facts> Handle(CancellationToken ct = default)
    {
        var inputs = RecordReviewMinutes.Inputs.Count;
        var complete = db.Set<ManagementReview>().Where(r => r.State == ReviewState.Concluded && r.Suitability != null && r.Adequacy != null && r.Effectiveness != null
            && db.Set<ReviewInputMinute>().Count(m => m.ReviewId == r.Id) == inputs);
        var me = db.CurrentUser.UserId ?? "";
        var yearAgo = (await db.Clock.Today(ct)).AddYears(-1);
        return new Facts
        {
            Complete = await complete.CountAsync(ct),
            CompleteInLastYear = await complete.CountAsync(r => r.ConcludedOn >= yearAgo, ct),
            LastConcludedOn = await complete.OrderByDescending(r => r.ConcludedOn).Select(r => r.ConcludedOn).FirstOrDefaultAsync(ct),
            OpenActions = await db.Set<ReviewAction>().CountAsync(a => a.Status == ReviewActionStatus.Open, ct),
            Mine = await db.Set<ReviewAction>().Where(a => a.OwnerId == me && a.Status == ReviewActionStatus.Open).OrderBy(a => a.DueOn).Take(20)
                .Select(a => new MyAction(a.ReviewId, a.Title, a.DueOn)).ToListAsync(ct),
        };
    }
}
