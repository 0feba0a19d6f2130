using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Reviews;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Changes;

/// <summary>Plans a change to the ISMS, or records its approval, progress and outcome.</summary>
public sealed class SaveChange(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? Purpose { get; set; }

        public string? Consequences { get; set; }

        public string? Integrity { get; set; }

        public string? Resources { get; set; }

        public string? Responsibilities { get; set; }

        public string? OwnerId { get; set; }

        public DateOnly? PlannedOn { get; set; }

        public ChangeStatus Status { get; set; }

        public Guid? ReviewId { get; set; }

        public Guid? NonconformityId { get; set; }

        public string? AffectedRecords { get; set; }

        public string? Outcome { get; set; }

        public int Version { get; set; }

        public static Command From(IsmsChange c) => new()
        {
            Id = c.Id, Title = c.Title, Purpose = c.Purpose, Consequences = c.Consequences, Integrity = c.Integrity, Resources = c.Resources,
            Responsibilities = c.Responsibilities, OwnerId = c.OwnerId, PlannedOn = c.PlannedOn, Status = c.Status, ReviewId = c.ReviewId,
            NonconformityId = c.NonconformityId, AffectedRecords = c.AffectedRecords, Outcome = c.Outcome, Version = c.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (change, failure) = await db.LoadOrCreate(c.Id, c.Version, ChangePermissions.Edit, () => new IsmsChange(), ct: ct);
        if (change is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = change.Update(c, await db.Clock.Today(ct));
        var errors = result.Errors.ToList();
        if (await Owners.Check(db, c.OwnerId, ChangePermissions.Edit, nameof(Command.OwnerId), "a change", ct) is { } owner)
        {
            errors.Add(owner);
        }

        if (c.ReviewId is { } review && !await db.Set<ManagementReview>().AnyAsync(r => r.Id == review, ct))
        {
            errors.Add(new FieldError(nameof(Command.ReviewId), "Choose the review from the list."));
        }

        if (c.NonconformityId is { } nc && !await db.Set<Nonconformity>().AnyAsync(n => n.Id == nc, ct))
        {
            errors.Add(new FieldError(nameof(Command.NonconformityId), "Choose the nonconformity from the list."));
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid(errors));
        }

        if (c.Id is null)
        {
            change.NumberOnSave();
            db.Add(change);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? change.Id : Result<Guid>.From(result);
    }
}

/// <summary>One change, with the names of what it links to.</summary>
public sealed class GetChange(OpenIsmsDbContext db)
{
    public sealed record View(IsmsChange Change, string? Owner, string? Review, string? Nonconformity);

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<IsmsChange>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : new View(c,
            await db.Set<AppUser>().Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct),
            await db.Set<ManagementReview>().Where(r => r.Id == c.ReviewId).Select(r => r.Reference + " " + r.Title).FirstOrDefaultAsync(ct),
            await db.Set<Nonconformity>().Where(n => n.Id == c.NonconformityId).Select(n => n.Reference + " " + n.Title).FirstOrDefaultAsync(ct));
    }
}

/// <summary>What the change form offers: owners, the reviews and the open nonconformities that may have decided it.</summary>
public sealed class GetChangeFormOptions(OpenIsmsDbContext db)
{
    public sealed record Options(IReadOnlyList<Choice> Owners, IReadOnlyList<Choice> Reviews, IReadOnlyList<Choice> Nonconformities);

    /// <param name="reviewId">The review the change names now: always offered, however old.</param>
    /// <param name="nonconformityId">The nonconformity it names now: always offered, even if closed long ago.</param>
    public async Task<Options> Handle(Guid? reviewId = null, Guid? nonconformityId = null, CancellationToken ct = default)
    {
        var reviews = await db.Set<ManagementReview>().Where(r => r.Id == reviewId).Select(r => new { r.Id, r.Reference, r.Title }).ToListAsync(ct);
        reviews.AddRange(await db.Set<ManagementReview>().Where(r => r.Id != reviewId).OrderByDescending(r => r.ScheduledOn).Take(50)
            .Select(r => new { r.Id, r.Reference, r.Title }).ToListAsync(ct));
        // Open nonconformities, the newest first, and the one named now.
        var ncs = await db.Set<Nonconformity>().Where(n => n.Id == nonconformityId).Select(n => new { n.Id, n.Reference, n.Title }).ToListAsync(ct);
        ncs.AddRange(await db.Set<Nonconformity>().Where(n => n.Id != nonconformityId && n.State != NonconformityState.Closed).OrderByDescending(n => n.RaisedOn).Take(200)
            .Select(n => new { n.Id, n.Reference, n.Title }).ToListAsync(ct));
        return new Options(
            await Users.Owners.Choices(db, ChangePermissions.Edit, ct),
            [.. reviews.Select(r => new Choice(r.Id.ToString(), $"{r.Reference} {r.Title}"))],
            [.. ncs.Select(n => new Choice(n.Id.ToString(), $"{n.Reference} {n.Title}"))]);
    }
}

/// <summary>The planned changes, newest first; open ones unless all are asked for; optionally those a review decided.</summary>
public sealed class ListChanges(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required ChangeStatus Status { get; init; }

        public required string? Owner { get; init; }

        public required DateOnly? PlannedOn { get; init; }

        public required string? DecidedBy { get; init; }
    }

    public async Task<Page<Row>> Handle(bool all = false, Guid? reviewId = null, int page = 1, CancellationToken ct = default)
    {
        var q = db.Set<IsmsChange>().AsNoTracking();
        if (!all && reviewId is null)
        {
            q = q.Where(c => c.Status != ChangeStatus.Done && c.Status != ChangeStatus.Cancelled);
        }

        if (reviewId is { } review)
        {
            q = q.Where(c => c.ReviewId == review);
        }

        const int size = 25;
        page = PageSizes.NormalisePage(page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.CreatedAt).Skip((page - 1) * size).Take(size).Select(c => new Row
        {
            Id = c.Id, Reference = c.Reference, Title = c.Title, Status = c.Status, PlannedOn = c.PlannedOn,
            Owner = db.Set<AppUser>().Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            DecidedBy = db.Set<ManagementReview>().Where(r => r.Id == c.ReviewId).Select(r => r.Reference).FirstOrDefault()
                ?? db.Set<Nonconformity>().Where(n => n.Id == c.NonconformityId).Select(n => n.Reference).FirstOrDefault(),
        }).ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }
}
