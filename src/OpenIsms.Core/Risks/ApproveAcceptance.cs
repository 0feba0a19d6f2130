using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Management approves the acceptance of a residual risk above the methodology's threshold, with a reason.</summary>
public sealed class ApproveAcceptance(OpenIsmsDbContext db)
{
    public sealed record Command(Guid AcceptanceId, string? Note, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return Result.Forbidden();
        }

        var (acceptance, failure) = await db.LoadForChange<RiskAcceptance>(c.AcceptanceId, c.Version, RiskPermissions.Approve, ct: ct);
        if (acceptance is null)
        {
            return failure!;
        }

        var samePerson = await Organisations.GetOrganisation.SamePersonMayApprove(db, ct);
        var result = acceptance.ApproveByManagement(userId, db.CurrentUser.DisplayName, c.Note, db.Clock.UtcNow, samePerson);
        if (!result.Succeeded)
        {
            return result;
        }

        var risk = await db.Set<Risk>().FirstAsync(r => r.Id == acceptance.RiskId, ct);
        risk.MarkAccepted();
        return await db.SaveAsync(ct);
    }
}
