using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>
/// The risk owner signs off the treatment plan and the residual risk. Within the acceptance threshold the risk is
/// then accepted; above it, the sign-off waits for a management approval (<see cref="ApproveAcceptance"/>).
/// </summary>
public sealed class AcceptRisk(OpenIsmsDbContext db)
{
    /// <summary>The note's field name: "Note" is the assessment's, on the same page.</summary>
    public const string NoteField = "AcceptanceNote";

    public sealed record Command(Guid RiskId, string? Note, int Version);

    /// <summary>Ownership alone is not enough: the owner's role must allow the act too.</summary>
    public static bool MayAccept(ICurrentUser user, string? ownerId) =>
        user.UserId is not null && user.UserId == ownerId && user.Has(OwnerDuties.Risk);

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(OwnerDuties.Risk) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var risk = await db.Set<Risk>().FirstOrDefaultAsync(r => r.Id == c.RiskId, ct);
        if (risk is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        if (risk.OwnerId != userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        if (db.CheckVersion(risk, c.Version) is { } conflict)
        {
            return Result<Guid>.From(Result.Stale(conflict));
        }

        var latest = await db.Set<RiskAssessment>().AsNoTracking().Where(a => a.RiskId == risk.Id).OrderByDescending(a => a.AssessedAt).FirstOrDefaultAsync(ct);
        var methodology = await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
        if (latest is null || methodology is null)
        {
            return Result<Guid>.From(Result.Fail("Assess the risk before accepting it."));
        }

        if (latest.MethodologyId != methodology.Id)
        {
            return Result<Guid>.From(Result.Fail($"The risk was rated under methodology version {latest.MethodologyNumber}; re-assess it under version {methodology.Number} first."));
        }

        // Nothing to sign while a sign-off stands: one in force, or one waiting for management.
        var today = await db.Clock.Today(ct);
        var standing = await db.Set<RiskAcceptance>().AsNoTracking()
            .Where(a => a.RiskId == risk.Id && (a.Status == AcceptanceStatus.AwaitingManagement || (a.Status == AcceptanceStatus.Accepted && a.ExpiresOn >= today)))
            .Select(a => new { a.Status, a.ExpiresOn }).FirstOrDefaultAsync(ct);
        if (standing is not null)
        {
            return Result<Guid>.From(Result.Fail(standing.Status == AcceptanceStatus.AwaitingManagement
                ? "The owner's acceptance is waiting for management's approval already."
                : $"The risk's acceptance is in force until {standing.ExpiresOn:d MMM yyyy}; a new rating, treatment or the review ends it."));
        }

        var signed = RiskAcceptance.Sign(risk, latest, methodology.Definition, userId, db.CurrentUser.DisplayName, c.Note, db.Clock.UtcNow);
        if (!signed.Succeeded)
        {
            return Result<Guid>.From(signed);
        }

        await Acceptances.SupersedeAll(db, [risk.Id], ct);
        db.Add(signed.Value!);
        if (signed.Value!.Status == AcceptanceStatus.Accepted)
        {
            risk.MarkAccepted();
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? signed.Value.Id : Result<Guid>.From(saved);
    }
}
