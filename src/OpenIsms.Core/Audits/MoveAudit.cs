using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Audits;

/// <summary>
/// Starts an audit, reports it (every checklist item with a result, a conclusion, signed off by the lead auditor), or
/// closes it. A step out of order is refused with the reason.
/// </summary>
public sealed class MoveAudit(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public AuditState To { get; set; }

        /// <summary>When reporting: the audit's conclusion on the ISMS's conformity and effectiveness in its scope.</summary>
        public string? Conclusion { get; set; }

        public int Version { get; set; }
    }

    public async Task<Result> Handle(Guid id, Command c, CancellationToken ct = default)
    {
        var (audit, failure) = await db.LoadForChange<Audit>(id, c.Version, c.To == AuditState.Closed ? AuditPermissions.Plan : AuditPermissions.Conduct, ct: ct);
        if (audit is null)
        {
            return failure!;
        }

        if (audit.Refusal(c.To) is { } refusal)
        {
            return Result.Invalid(new FieldError("", refusal));
        }

        var me = db.CurrentUser.UserId ?? "";
        var today = await db.Clock.Today(ct);
        switch (c.To)
        {
            case AuditState.InProgress:
                if (!await db.Set<AuditAuditor>().AnyAsync(a => a.AuditId == id && a.UserId == me, ct))
                {
                    return Result.Invalid(new FieldError("", "Only someone on the audit's team starts it and records its results."));
                }

                audit.Start(today);
                break;
            case AuditState.Reported:
                var open = await db.Set<AuditItem>().CountAsync(i => i.AuditId == id && i.Result == null, ct);
                var check = new Validation()
                    .Must(audit.LeadAuditorId == me, "", "The lead auditor signs the report off.")
                    .Must(open == 0, "", $"{open} checklist item{(open == 1 ? " has" : "s have")} no result yet: record each, or mark it not audited with the reason.")
                    .Required(nameof(Command.Conclusion), c.Conclusion, "Write the audit's conclusion: does the ISMS conform, in the audit's scope, and is it effectively implemented and maintained?")
                    .MaxLength(nameof(Command.Conclusion), c.Conclusion, Limits.LongText, "The conclusion");
                if (!check.IsValid)
                {
                    return check.ToResult();
                }

                audit.Report(c.Conclusion!.Trim(), today, db.CurrentUser.DisplayName);
                break;
            case AuditState.Closed:
                audit.Close(today, db.CurrentUser.DisplayName);
                break;
        }

        return await db.SaveAsync(ct);
    }
}
