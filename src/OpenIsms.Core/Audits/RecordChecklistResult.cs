using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Audits;

/// <summary>
/// Records what the auditor found for one item of an audit's checklist: what was sampled, the evidence examined, the notes
/// and the result. A major or minor nonconformity is raised on the nonconformity register at once, linked to the finding,
/// and flagged if it recurs. Only the audit's team records results, only while it is in progress, and only for items in
/// its scope.
/// </summary>
public sealed class RecordChecklistResult(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public AuditResult? Result { get; set; }

        public string? Sampled { get; set; }

        public int? SampleSize { get; set; }

        public string? Evidence { get; set; }

        public string? Notes { get; set; }

        public string? NotAuditedReason { get; set; }

        /// <summary>For a nonconformity: who answers for it.</summary>
        public string? NonconformityOwnerId { get; set; }

        public int Version { get; set; }
    }

    /// <summary>For a script: the item of the audit's checklist named by kind and code, or null when it is outside the audit's scope.</summary>
    public async Task<(Guid Id, int Version)?> Find(Guid auditId, AuditItemKind kind, string code, CancellationToken ct = default) =>
        await db.Set<AuditItem>().Where(i => i.AuditId == auditId && i.Kind == kind && i.Code == code).Select(i => new { i.Id, i.Version }).FirstOrDefaultAsync(ct)
            is { } found ? (found.Id, found.Version) : null;

    public async Task<Result> Handle(Guid auditId, Guid itemId, Command c, CancellationToken ct = default)
    {
        var (item, failure) = await db.LoadForChange<AuditItem>(itemId, c.Version, AuditPermissions.Conduct, i => i.AuditId == auditId, ct);
        if (item is null)
        {
            return failure!;
        }

        var audit = await db.Set<Audit>().FirstAsync(a => a.Id == auditId, ct);
        var me = db.CurrentUser.UserId ?? "";
        if (audit.State != AuditState.InProgress)
        {
            return Result.Invalid(new FieldError("", audit.State == AuditState.Planned
                ? "Start the audit before recording results."
                : "The audit is reported: its checklist is final."));
        }

        if (!await db.Set<AuditAuditor>().AnyAsync(a => a.AuditId == auditId && a.UserId == me, ct))
        {
            return Result.Invalid(new FieldError("", "Only someone on the audit's team records its results."));
        }

        if (item.NonconformityId is not null && !AuditItem.IsNonconformity(c.Result))
        {
            return Result.Invalid(new FieldError(nameof(Command.Result),
                "A nonconformity was raised from this finding and is handled on the nonconformity register; its result stays a nonconformity."));
        }

        if (item.NonconformityId is not null && item.Result != c.Result)
        {
            return Result.Invalid(new FieldError(nameof(Command.Result),
                $"The nonconformity raised from this finding was raised as {(item.Result == AuditResult.MajorNonconformity ? "major" : "minor")}; its severity is kept on the nonconformity register."));
        }

        var firstResult = item.Result is null;
        var result = item.Record(c, db.CurrentUser.DisplayName);
        var errors = result.Errors.ToList();
        var raise = AuditItem.IsNonconformity(c.Result) && item.NonconformityId is null;
        if (raise && string.IsNullOrWhiteSpace(c.NonconformityOwnerId))
        {
            errors.Add(new FieldError(nameof(Command.NonconformityOwnerId), "Choose who answers for the nonconformity."));
        }
        else if (raise && await Owners.Check(db, c.NonconformityOwnerId, NonconformityPermissions.Edit, nameof(Command.NonconformityOwnerId), "a nonconformity", ct) is { } owner)
        {
            errors.Add(owner);
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        if (raise)
        {
            await Raise(audit, item, c, ct);
        }

        audit.Counted(firstResult, raise);

        return await db.SaveAsync(ct);
    }

    private async Task Raise(Audit audit, AuditItem item, Command c, CancellationToken ct)
    {
        var requirementId = item.Kind is AuditItemKind.Clause or AuditItemKind.Control
            ? await db.Set<Requirement>().Where(r => r.Code == item.Code && (r.FrameworkId == GetAuditUniverse.Framework || db.SoaControls().Any(s => s.Id == r.Id)))
                .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct)
            : null;
        var nc = Nonconformity.FromFinding(new()
        {
            Title = $"{item.Code} {item.Title}".Length > Limits.Name ? item.Code : $"{item.Code} {item.Title}",
            Requirement = requirementId is not null ? null
                : item.Kind is AuditItemKind.Process or AuditItemKind.Location ? $"The ISMS's policies and controls as they apply to {item.Code}"
                : $"{item.Code} {item.Title}",
            Description = item.Notes!, RequirementId = requirementId, Process = item.Kind is AuditItemKind.Process or AuditItemKind.Location ? item.Code : null,
            Severity = c.Result == AuditResult.MajorNonconformity ? NonconformitySeverity.Major : NonconformitySeverity.Minor,
            SourceReference = $"{audit.Reference} {audit.Title}", RaisedOn = await db.Clock.Today(ct), OwnerId = c.NonconformityOwnerId!.Trim(),
            RaisedBy = db.CurrentUser.DisplayName,
        });
        nc.MarkRecurrenceOf(await NonconformityRecurrence.Find(db, nc, ct));
        db.Add(nc);
        db.Add(NonconformityStep.Of(nc, NonconformityState.Raised, $"Raised from the finding on {item.Code} in {audit.Reference}.", null, nc.RaisedOn, db.CurrentUser.DisplayName));
        item.Raised(nc.Id);
    }
}
