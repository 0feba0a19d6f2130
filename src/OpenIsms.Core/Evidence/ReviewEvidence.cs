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
        var (evidence, failure) = await db.LoadForChange<Evidence>(c.Id, c.Version, Permissions.EvidenceRead, ct);
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

/// <summary>Links evidence to one more control, found by its identifier.</summary>
public sealed class LinkEvidence(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid evidenceId, string? controlReference, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.EvidenceAdd))
        {
            return Result.Forbidden();
        }

        if (!await db.Set<Evidence>().AnyAsync(e => e.Id == evidenceId, ct))
        {
            return Result.NotFound();
        }

        var reference = controlReference?.Trim() ?? "";
        var control = await db.Set<Control>().Where(x => x.Reference == reference).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        if (control is null)
        {
            return Result.Invalid(new FieldError("ControlReference", reference.Length == 0 ? "Enter the identifier of a control, for example CTL-012." : $"There is no control {reference}."));
        }

        if (await db.Set<EvidenceControl>().AnyAsync(x => x.EvidenceId == evidenceId && x.ControlId == control, ct))
        {
            return Result.Invalid(new FieldError("ControlReference", $"The evidence is already linked to {reference}."));
        }

        db.Add(new EvidenceControl { EvidenceId = evidenceId, ControlId = control.Value });
        return await db.SaveAsync(ct);
    }
}

/// <summary>Removes evidence's link to a control; the last link stays, so evidence always shows some control.</summary>
public sealed class UnlinkEvidence(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid evidenceId, Guid controlId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.EvidenceAdd))
        {
            return Result.Forbidden();
        }

        var links = await db.Set<EvidenceControl>().Where(x => x.EvidenceId == evidenceId).ToListAsync(ct);
        var link = links.FirstOrDefault(x => x.ControlId == controlId);
        if (link is null)
        {
            return Result.NotFound();
        }

        if (!await ReviewEvidence.MayReview(db, evidenceId, ct))
        {
            return Result.Forbidden();
        }

        var collectedFor = await db.Set<Evidence>().Where(e => e.Id == evidenceId).Select(e => e.ControlId).FirstOrDefaultAsync(ct);
        if (links.Count == 1 || collectedFor == controlId)
        {
            return Result.Fail("This is the control the evidence was collected for; that link stays.");
        }

        db.Remove(link);
        return await db.SaveAsync(ct);
    }
}
