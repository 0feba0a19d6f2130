using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Evidence;

/// <summary>One item of evidence with the controls it shows and who collected and reviewed it.</summary>
public sealed class GetEvidence(OpenIsmsDbContext db)
{
    public sealed record ControlRef(Guid Id, string Reference, string Name, string? OwnerId);

    public sealed record View
    {
        public required Evidence Evidence { get; init; }

        public required EvidenceState State { get; init; }

        public required string CollectedBy { get; init; }

        public required string? ReviewedBy { get; init; }

        public required IReadOnlyList<ControlRef> Controls { get; init; }

        /// <summary>The reader may accept or reject it now.</summary>
        public required bool MayReview { get; init; }

        public required DateOnly? TaskDue { get; init; }

        public required int Downloads { get; init; }

        /// <summary>The reader has the right to review it but collected it, so someone else must.</summary>
        public bool CollectedByReader { get; init; }
    }

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(EvidencePermissions.Read))
        {
            return null;
        }

        var evidence = await db.Set<Evidence>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evidence is null)
        {
            return null;
        }

        var names = await db.Set<AppUser>().Where(u => u.Id == evidence.CollectedById || u.Id == evidence.ReviewedById)
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var controls = await (from x in db.Set<EvidenceControl>() where x.EvidenceId == id
                              join c in db.Set<Control>() on x.ControlId equals c.Id
                              orderby c.Reference
                              select new ControlRef(c.Id, c.Reference, c.Name, c.OwnerId)).ToListAsync(ct);
        var taskDue = evidence.ControlTaskId is { } taskId
            ? await db.Set<ControlTask>().Where(t => t.Id == taskId).Select(t => (DateOnly?)t.DueOn).FirstOrDefaultAsync(ct)
            : null;
        var evidenceName = Data.Log.AuditNames.Of<Evidence>();
        var downloads = await db.Set<Data.Log.ActivityEntry>().CountAsync(a => a.EntityType == evidenceName && a.EntityId == id.ToString() && a.Action == EvidenceFiles.Downloaded, ct);
        var today = await db.Clock.Today(ct);
        var rights = Evidence.MayBeReviewedBy(db.CurrentUser, controls.FirstOrDefault(c => c.Id == evidence.ControlId)?.OwnerId);
        var reviewable = rights && db.CurrentUser.UserId is { } reader
            && evidence.IsReviewableBy(reader, await Organisations.GetOrganisation.SamePersonMayApprove(db, ct));
        return new View
        {
            Evidence = evidence,
            State = Evidence.StateOf(evidence.Review, evidence.ValidUntil, today),
            CollectedBy = names.GetValueOrDefault(evidence.CollectedById, "—"),
            ReviewedBy = evidence.ReviewedById is { } r ? names.GetValueOrDefault(r) : null,
            Controls = controls,
            MayReview = reviewable,
            TaskDue = taskDue,
            Downloads = downloads,
            CollectedByReader = rights && !reviewable,
        };
    }
}
