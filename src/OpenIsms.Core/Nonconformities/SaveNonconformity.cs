using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Nonconformities;

/// <summary>
/// Raises a nonconformity, or corrects its details while it is open. A new one against the same requirement or process as
/// another raised within the organisation's recurrence period is marked as its recurrence and linked to it.
/// </summary>
public sealed class SaveNonconformity(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        /// <summary>The clause or control of the catalogue not met.</summary>
        public Guid? RequirementId { get; set; }

        /// <summary>Or the requirement in words.</summary>
        public string? RequirementText { get; set; }

        public string? Process { get; set; }

        public NonconformitySeverity Severity { get; set; } = NonconformitySeverity.Minor;

        public NonconformitySource Source { get; set; } = NonconformitySource.Direct;

        public string? SourceReference { get; set; }

        public DateOnly? RaisedOn { get; set; }

        public string? OwnerId { get; set; }

        /// <summary>The risk it bears on, by its reference .</summary>
        public string? RiskReference { get; set; }

        /// <summary>The document it leads to change, by its reference (POL-003).</summary>
        public string? DocumentReference { get; set; }

        public int Version { get; set; }

        internal Guid? RiskId { get; set; }

        public static Command From(GetNonconformity.View v) => new()
        {
            Id = v.Nonconformity.Id, Title = v.Nonconformity.Title, Description = v.Nonconformity.Description, RequirementId = v.Nonconformity.RequirementId,
            RequirementText = v.Nonconformity.RequirementText, Process = v.Nonconformity.Process, Severity = v.Nonconformity.Severity, Source = v.Nonconformity.Source,
            SourceReference = v.Nonconformity.SourceReference, RaisedOn = v.Nonconformity.RaisedOn, OwnerId = v.Nonconformity.OwnerId,
            RiskReference = v.Risk?.Reference, DocumentReference = v.Document?.Reference, Version = v.Nonconformity.Version,
        };

        internal Guid? DocumentId { get; set; }
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (nc, failure) = await db.LoadOrCreate(c.Id, c.Version, NonconformityPermissions.Edit, () => Nonconformity.Raise(db.CurrentUser.DisplayName), ct: ct);
        if (nc is null)
        {
            return Result<Guid>.From(failure!);
        }

        if (!nc.IsOpen)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError("", "It is closed: its record is final. Raise a new nonconformity if it happens again.")));
        }

        var errors = new List<FieldError>();
        c.RiskId = await Resolve(db.Set<Risk>().Where(r => r.Reference == Text.OrNull(c.RiskReference)).Select(r => (Guid?)r.Id), c.RiskReference,
            nameof(Command.RiskReference), "No risk has the reference", errors, ct);
        c.DocumentId = await Resolve(db.Set<ControlledDocument>().Where(d => d.Reference == Text.OrNull(c.DocumentReference)).Select(d => (Guid?)d.Id), c.DocumentReference,
            nameof(Command.DocumentReference), "No document has the reference", errors, ct);
        if (c.RequirementId is { } requirementId && !await db.Catalogue(NonconformityRequirements.Framework).AnyAsync(r => r.Id == requirementId, ct))
        {
            errors.Add(new FieldError(nameof(Command.RequirementId), "Choose the clause or control from the list."));
        }

        if (await Owners.Check(db, c.OwnerId, NonconformityPermissions.Edit, nameof(Command.OwnerId), "a nonconformity", ct) is { } owner)
        {
            errors.Add(owner);
        }

        var result = nc.Update(c, await db.Clock.Today(ct));
        if (!result.Succeeded || errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid([.. result.Errors, .. errors]));
        }

        if (c.Id is null)
        {
            nc.MarkRecurrenceOf(await NonconformityRecurrence.Find(db, nc, ct));
            nc.NumberOnSave();
            db.Add(nc);
            db.Add(NonconformityStep.Of(nc, NonconformityState.Raised, $"Raised as a {nc.Severity.ToString().ToLowerInvariant()} nonconformity.", null, nc.RaisedOn, db.CurrentUser.DisplayName));
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? nc.Id : Result<Guid>.From(result);
    }

    private static async Task<Guid?> Resolve(IQueryable<Guid?> match, string? typed, string field, string message, List<FieldError> errors, CancellationToken ct)
    {
        if (Text.OrNull(typed) is not { } reference)
        {
            return null;
        }

        var id = await match.FirstOrDefaultAsync(ct);
        if (id is null)
        {
            errors.Add(new FieldError(field, $"{message} {reference}. Check it on its register."));
        }

        return id;
    }
}

/// <summary>The catalogue a nonconformity's requirement is chosen from.</summary>
public static class NonconformityRequirements
{
    public const string Framework = "iso27001-2022";
}

/// <summary>
/// Whether a new nonconformity recurs: the latest one against the same requirement or in the same process, raised within
/// the organisation's recurrence period before it. Used by the register and by an audit that raises one from a finding.
/// </summary>
public static class NonconformityRecurrence
{
    public static async Task<Guid?> Find(OpenIsmsDbContext db, Nonconformity nc, CancellationToken ct)
    {
        var months = await db.Set<Organisation>().OrderBy(o => o.CreatedAt).Select(o => (int?)o.RecurrenceMonths).FirstOrDefaultAsync(ct) ?? Organisation.DefaultRecurrenceMonths;
        var since = nc.RaisedOn.AddMonths(-months);
        var process = nc.Process?.ToLower();
        var requirementText = nc.RequirementText?.ToLower();
        return await db.Set<Nonconformity>().Where(n => n.Id != nc.Id && n.RaisedOn >= since && n.RaisedOn <= nc.RaisedOn
                && ((nc.RequirementId != null && n.RequirementId == nc.RequirementId)
                    || (requirementText != null && n.RequirementText != null && n.RequirementText.ToLower() == requirementText)
                    || (process != null && n.Process != null && n.Process.ToLower() == process)))
            .OrderByDescending(n => n.RaisedOn).ThenByDescending(n => n.CreatedAt).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
    }
}
