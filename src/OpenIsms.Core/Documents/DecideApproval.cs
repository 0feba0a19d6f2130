using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Notifications;
using OpenIsms.Core.Organisations;

namespace OpenIsms.Core.Documents;

/// <summary>
/// A named approver approves or rejects a submitted version (a rejection says why). Once the quorum is reached the
/// version is frozen with its SHA-256 and becomes current, the previous one superseded; once it can no longer be
/// reached the version goes back to its author as a draft. The author is mailed either way.
/// </summary>
public sealed class DecideApproval(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid VersionId { get; set; }

        public bool Approve { get; set; }

        public string? Reason { get; set; }

        /// <summary>The version's page, for the author's mail.</summary>
        public string? Link { get; set; }
    }

    public async Task<Result<ApprovalDecision>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Approve) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<ApprovalDecision>.From(Result.Forbidden());
        }

        var version = await db.Set<DocumentVersion>().FirstOrDefaultAsync(v => v.Id == c.VersionId, ct);
        if (version is null)
        {
            return Result<ApprovalDecision>.From(Result.NotFound());
        }

        if (version.State != VersionState.InApproval)
        {
            return Result<ApprovalDecision>.From(Result.Fail($"Version {version.Label} is not waiting for approval."));
        }

        var round = await db.Set<DocumentApproval>().Where(a => a.VersionId == version.Id && a.Round == version.Round).ToListAsync(ct);
        var mine = round.FirstOrDefault(a => a.ApproverId == userId);
        if (mine is null)
        {
            return Result<ApprovalDecision>.From(Result.Fail("You are not one of the approvers named for this version."));
        }

        var org = await db.Set<Organisation>().AsNoTracking().FirstOrDefaultAsync(ct);
        if (version.SubmittedById == userId && org?.SamePersonMayApprove != true)
        {
            return Result<ApprovalDecision>.From(Result.Fail("You submitted this version, and the organisation's settings ask for someone else to approve it."));
        }

        var now = db.Clock.UtcNow;
        var decided = mine.Decide(c.Approve, c.Reason, now);
        if (!decided.Succeeded)
        {
            return Result<ApprovalDecision>.From(decided);
        }

        var outcome = DocumentVersion.Outcome(version.QuorumCount, round.Count,
            round.Count(a => a.Decision == ApprovalDecision.Approved), round.Count(a => a.Decision == ApprovalDecision.Rejected));
        var document = await db.Set<ControlledDocument>().FirstAsync(d => d.Id == version.DocumentId, ct);
        if (outcome == ApprovalDecision.Approved)
        {
            var previous = await db.Set<DocumentVersion>().Where(v => v.DocumentId == version.DocumentId && v.State == VersionState.Current).ToListAsync(ct);
            previous.ForEach(v => v.Supersede());
            version.Approve(now);
            document.Publish(version, Clock.DateOf(now, await db.Clock.Zone(ct)));
        }
        else if (outcome == ApprovalDecision.Rejected)
        {
            version.Reopen();
            document.Track(version);
        }

        if (outcome != ApprovalDecision.Pending && version.SubmittedById is { } author
            && await db.Set<AppUser>().Where(u => u.Id == author).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct) is { Email: { } email } who)
        {
            db.QueueMail(DocumentMail.Decided(email, who.DisplayName, document, version, outcome, db.CurrentUser.DisplayName, mine.Reason, c.Link), DocumentMail.DecidedKind, version.Id);
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? outcome : Result<ApprovalDecision>.From(saved);
    }
}
