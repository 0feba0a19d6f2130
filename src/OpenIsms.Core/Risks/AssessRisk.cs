using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>
/// Rates a risk under the approved methodology (inherent and residual). The assessment is kept for ever; the risk
/// shows it as its current rating; a sign-off of an earlier rating no longer applies.
/// </summary>
public sealed class AssessRisk(OpenIsmsDbContext db)
{
    /// <summary>A new assessment: the risk, its inherent and residual rating (likelihood and one impact per rated area), a note, and the version read.</summary>
    public sealed class Command
    {
        public Guid RiskId { get; set; }

        public required RiskAssessment.Rating Inherent { get; set; }

        public required RiskAssessment.Rating Residual { get; set; }

        public string? Note { get; set; }

        public int Version { get; set; }
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var (risk, failure) = await db.LoadForChange<Risk>(c.RiskId, c.Version, RiskPermissions.Edit, ct: ct);
        if (risk is null)
        {
            return Result<Guid>.From(failure!);
        }

        var methodology = await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
        if (methodology is null)
        {
            return Result<Guid>.From(Result.Fail("No risk methodology is approved yet. Approve one under Risk methodology before assessing risks."));
        }

        var created = RiskAssessment.Create(risk.Id, methodology, c.Inherent, c.Residual, c.Note, userId, db.CurrentUser.DisplayName, db.Clock.UtcNow);
        if (!created.Succeeded)
        {
            return Result<Guid>.From(created);
        }

        db.Add(created.Value!);
        risk.Apply(created.Value!, methodology.Definition.ReviewIntervalMonths, await db.Clock.Zone(ct));
        await Acceptances.SupersedeAll(db, [risk.Id], ct);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? created.Value!.Id : Result<Guid>.From(saved);
    }
}
