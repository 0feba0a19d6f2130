using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Evidence;

/// <summary>The control owner accepts or rejects evidence (the rule: <see cref="Evidence.MayBeReviewedBy"/>).</summary>
public sealed class ReviewEvidence(OpenIsmsDbContext db)
{
    public sealed record Command(Guid Id, EvidenceReview Decision, string? Comment, int Version);

    public static async Task<bool> MayReview(OpenIsmsDbContext db, Guid evidenceId, CancellationToken ct) =>
        Evidence.MayBeReviewedBy(db.CurrentUser, await (from e in db.Set<Evidence>()
                                                        where e.Id == evidenceId
                                                        join c in db.Set<Control>() on e.ControlId equals c.Id
                                                        select c.OwnerId).FirstOrDefaultAsync(ct));

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        var (evidence, failure) = await db.LoadForChange<Evidence>(c.Id, c.Version, EvidencePermissions.Read, ct: ct);
        if (evidence is null)
        {
            return failure!;
        }

        if (db.CurrentUser.UserId is not { } userId || !await MayReview(db, c.Id, ct))
        {
            return Result.Forbidden();
        }

        var samePerson = await Organisations.GetOrganisation.SamePersonMayApprove(db, ct);
        var result = evidence.Decide(c.Decision, c.Comment, userId, db.Clock.UtcNow, samePerson);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
