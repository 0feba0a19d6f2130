using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Audits;

/// <summary>
/// Plans an internal audit, or changes its plan until it starts: scope, criteria, dates, the team and the competence relied
/// on. The scope's items become the checklist, each with its prompt. An auditor may not audit a control they own (clause
/// 9.2.2 c): the plan is refused, naming the person and the control.
/// </summary>
public sealed class PlanAudit(OpenIsmsDbContext db, GetAuditUniverse universe)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? Criteria { get; set; } = "ISO/IEC 27001:2022 clauses 4–10; the controls of the current Statement of Applicability; the organisation's information security policies.";

        public string? Plan { get; set; }

        public string? Auditees { get; set; }

        public DateOnly? PlannedStart { get; set; }

        public DateOnly? PlannedEnd { get; set; }

        public string? LeadAuditorId { get; set; }

        /// <summary>The rest of the team (the lead auditor is on it anyway).</summary>
        public List<string> AuditorIds { get; set; } = [];

        public string? CompetenceEvidence { get; set; }

        /// <summary>The scope, as universe keys ("Clause:9.2", "Control:A.8.13", "Process:Payroll").</summary>
        public List<string> Items { get; set; } = [];

        public int Version { get; set; }
    }

    /// <summary>The plan as it stands, for the form that changes it; null when there is no such audit.</summary>
    public async Task<Command?> Current(Guid id, CancellationToken ct = default)
    {
        var a = await db.Set<Audit>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? null : new Command
        {
            Id = a.Id, Title = a.Title, Criteria = a.Criteria, Plan = a.Plan, Auditees = a.Auditees, PlannedStart = a.PlannedStart, PlannedEnd = a.PlannedEnd,
            LeadAuditorId = a.LeadAuditorId, CompetenceEvidence = a.CompetenceEvidence, Version = a.Version,
            AuditorIds = await db.Set<AuditAuditor>().Where(t => t.AuditId == id && t.UserId != a.LeadAuditorId).Select(t => t.UserId).ToListAsync(ct),
            Items = [.. (await db.Set<AuditItem>().Where(i => i.AuditId == id).OrderBy(i => i.Position).Select(i => new { i.Kind, i.Code }).ToListAsync(ct))
                .Select(i => GetAuditUniverse.Keys.Of(i.Kind, i.Code))],
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (audit, failure) = await db.LoadOrCreate(c.Id, c.Version, AuditPermissions.Plan, () => new Audit(), ct: ct);
        if (audit is null)
        {
            return Result<Guid>.From(failure!);
        }

        if (audit.State != AuditState.Planned)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError("", "The audit has started: its plan and scope are fixed. Record what changed in its checklist notes.")));
        }

        // A form with nothing ticked binds the lists as null.
        c.Items = [.. (c.Items ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct()];
        c.AuditorIds ??= [];
        var result = audit.Update(c);
        var errors = result.Errors.ToList();
        var team = c.AuditorIds.Append(c.LeadAuditorId).Select(Text.OrNull).OfType<string>().Distinct().ToList();
        var eligible = await Owners.Eligible(db, AuditPermissions.Conduct).Where(u => team.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        if (eligible.Count < team.Count)
        {
            errors.Add(new FieldError(nameof(Command.AuditorIds), "Choose the auditors from the list: each must be an active user who may conduct audits."));
        }

        // Clause 9.2.2: audits are carried out by the organisation's internal auditors. Once anyone holds the ISMS role
        // "Internal auditor" (Plan → ISMS roles & RACI), only its holders — matched by e-mail to the people register — may audit.
        if (await InternalAuditors(ct) is { } holders)
        {
            var users = await db.Set<AppUser>().AsNoTracking().Where(u => team.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
            foreach (var u in users.Where(u => u.Email is null || !holders.Contains(u.Email.ToUpperInvariant())))
            {
                errors.Add(new FieldError(u.Id == c.LeadAuditorId ? nameof(Command.LeadAuditorId) : nameof(Command.AuditorIds),
                    $"{u.DisplayName} does not hold the ISMS role \"{InternalAuditorRole}\": assign it to them under ISMS roles & RACI, or choose one of the organisation's internal auditors."));
            }
        }

        var items = (await universe.Handle(ct)).ToDictionary(i => i.Key);
        var unknown = c.Items.Where(k => !items.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new FieldError(nameof(Command.Items), $"Not in the audit universe: {string.Join(", ", unknown.Take(5))}. Choose the scope from the list."));
        }

        foreach (var conflict in c.Items.Where(items.ContainsKey).Select(k => items[k]).SelectMany(i => eligible.Where(a => i.OwnerIds.Contains(a.Id)).Select(a => (Item: i, Auditor: a))))
        {
            errors.Add(new FieldError(conflict.Auditor.Id == c.LeadAuditorId ? nameof(Command.LeadAuditorId) : nameof(Command.AuditorIds),
                $"{conflict.Auditor.DisplayName} owns a control that implements {conflict.Item.Code} {conflict.Item.Title}: an auditor may not audit their own work (clause 9.2.2 c). Choose another auditor, or leave {conflict.Item.Code} to another audit."));
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid(errors));
        }

        if (c.Id is null)
        {
            audit.NumberOnSave();
            db.Add(audit);
        }

        await Sync(audit, team, [.. c.Items.Select(k => items[k])], ct);
        result = await db.SaveAsync(ct);
        return result.Succeeded ? audit.Id : Result<Guid>.From(result);
    }

    /// <summary>The ISMS role whose holders are the organisation's internal auditors (one of the suggested roles).</summary>
    public const string InternalAuditorRole = "Internal auditor";

    /// <summary>The e-mail addresses (upper case) of the people holding the role "Internal auditor" today; null when nobody does.</summary>
    private async Task<HashSet<string>?> InternalAuditors(CancellationToken ct)
    {
        var today = await db.Clock.Today(ct);
        var name = InternalAuditorRole.ToLowerInvariant();
        var emails = await (from a in db.Set<RoleAssignment>()
                            join r in db.Set<IsmsRole>() on a.RoleId equals r.Id
                            join p in db.Set<Person>() on a.PersonId equals p.Id
                            where r.Name.ToLower() == name && a.From <= today && (a.Until == null || a.Until >= today) && p.Email != null
                            select p.Email!).ToListAsync(ct);
        return emails.Count == 0 ? null : emails.Select(e => e.ToUpperInvariant()).ToHashSet();
    }

    private async Task Sync(Audit audit, List<string> team, List<GetAuditUniverse.Item> scope, CancellationToken ct)
    {
        var auditors = await db.Set<AuditAuditor>().Where(a => a.AuditId == audit.Id).ToListAsync(ct);
        db.RemoveRange(auditors.Where(a => !team.Contains(a.UserId)));
        db.AddRange(team.Where(id => auditors.All(a => a.UserId != id)).Select(id => new AuditAuditor { AuditId = audit.Id, UserId = id }));

        var existing = await db.Set<AuditItem>().Where(i => i.AuditId == audit.Id).ToListAsync(ct);
        var keys = scope.Select(i => i.Key).ToHashSet();
        db.RemoveRange(existing.Where(i => !keys.Contains(GetAuditUniverse.Keys.Of(i.Kind, i.Code))));
        var kept = existing.Select(i => GetAuditUniverse.Keys.Of(i.Kind, i.Code)).ToHashSet();
        var position = existing.Count == 0 ? 0 : existing.Max(i => i.Position);
        audit.Scoped(scope.Count);
        db.AddRange(scope.Where(i => !kept.Contains(i.Key)).Select(i => new AuditItem
        {
            AuditId = audit.Id, Kind = i.Kind, Code = i.Code, Title = i.Title, Prompt = i.Prompt, Position = ++position,
        }));
    }
}
