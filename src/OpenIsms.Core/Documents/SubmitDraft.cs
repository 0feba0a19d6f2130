using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Notifications;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Documents;

/// <summary>
/// Submits a draft to its approvers: the version is frozen, each named approver is asked (and mailed at once), and
/// the quorum says how many approvals make it current.
/// </summary>
public sealed class SubmitDraft(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid VersionId { get; set; }

        public List<string>? ApproverIds { get; set; } = [];

        public Quorum Quorum { get; set; }

        public int QuorumCount { get; set; } = 1;

        public int Version { get; set; }

        /// <summary>The version's page, for the approvers' mail.</summary>
        public string? Link { get; set; }
    }

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        var (version, failure) = await db.LoadForChange<DocumentVersion>(c.VersionId, c.Version, DocumentPermissions.Edit, ct: ct);
        if (version is null || db.CurrentUser.UserId is not { } userId)
        {
            return failure ?? Result.Forbidden();
        }

        var document = await db.Set<ControlledDocument>().FirstAsync(d => d.Id == version.DocumentId, ct);
        var approverIds = (c.ApproverIds ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Distinct().ToList();
        var approvers = await Owners.Eligible(db, DocumentPermissions.Approve).Where(u => approverIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var errors = new List<FieldError>();
        if (approvers.Count != approverIds.Count)
        {
            errors.Add(new FieldError(nameof(Command.ApproverIds), "Choose approvers from the list: active users whose role lets them approve documents."));
        }

        var org = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(ct);
        if (approverIds.Contains(userId) && org?.SamePersonMayApprove != true)
        {
            errors.Add(new FieldError(nameof(Command.ApproverIds), "You cannot approve a version you submit: the organisation's settings ask for someone else. Name other approvers."));
        }

        var submitted = version.Submit(userId, db.Clock.UtcNow, c.Quorum, c.QuorumCount, approverIds.Count);
        if (!submitted.Succeeded || errors.Count > 0)
        {
            return Result.Invalid([.. errors, .. submitted.Errors]);
        }

        foreach (var approver in approvers)
        {
            db.Add(DocumentApproval.Ask(version, approver.Id));
            if (!string.IsNullOrEmpty(approver.Email))
            {
                db.QueueMail(DocumentMail.ApprovalRequest(approver.Email, approver.DisplayName, document, version, db.CurrentUser.DisplayName, c.Link), DocumentMail.ApprovalRequestKind, version.Id);
            }
        }

        document.Track(version);
        return await db.SaveAsync(ct);
    }
}
