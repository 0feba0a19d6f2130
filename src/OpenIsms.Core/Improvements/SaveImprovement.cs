using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Improvements;

/// <summary>Records an opportunity for improvement, or its decision, progress and outcome.</summary>
public sealed class SaveImprovement(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public ImprovementSource Source { get; set; } = ImprovementSource.Suggestion;

        public string? SourceReference { get; set; }

        public string? OwnerId { get; set; }

        public ImprovementStatus Status { get; set; }

        public DateOnly? DueOn { get; set; }

        public string? Outcome { get; set; }

        public int Version { get; set; }

        public static Command From(Improvement i) => new()
        {
            Id = i.Id, Title = i.Title, Description = i.Description, Source = i.Source, SourceReference = i.SourceReference, OwnerId = i.OwnerId,
            Status = i.Status, DueOn = i.DueOn, Outcome = i.Outcome, Version = i.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var (improvement, failure) = await db.LoadOrCreate(c.Id, c.Version, ImprovementPermissions.Edit, () => Improvement.Raise(db.CurrentUser.DisplayName, today), ct: ct);
        if (improvement is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = improvement.Update(c, today);
        if (result.Succeeded && await Owners.Check(db, c.OwnerId, ImprovementPermissions.Edit, nameof(Command.OwnerId), "an improvement", ct) is { } owner)
        {
            result = Result.Invalid(owner);
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            improvement.NumberOnSave();
            db.Add(improvement);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? improvement.Id : Result<Guid>.From(result);
    }
}

/// <summary>One improvement, with its owner's name.</summary>
public sealed class GetImprovement(OpenIsmsDbContext db)
{
    public sealed record View(Improvement Improvement, string? Owner);

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var improvement = await db.Set<Improvement>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return improvement is null ? null : new View(improvement,
            improvement.OwnerId is null ? null : await db.Set<AppUser>().Where(u => u.Id == improvement.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct));
    }
}

/// <summary>Who may carry out an improvement.</summary>
public sealed class GetImprovementFormOptions(OpenIsmsDbContext db)
{
    public async Task<IReadOnlyList<Choice>> Handle(CancellationToken ct = default) => await Owners.Choices(db, ImprovementPermissions.Edit, ct);
}
