using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>Records the treatment decision (mitigate, accept, transfer, avoid) and why.</summary>
public sealed class DecideTreatment(OpenIsmsDbContext db)
{
    public sealed record Command(Guid RiskId, TreatmentOption? Treatment, string? Rationale, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        var (risk, failure) = await db.LoadForChange<Risk>(c.RiskId, c.Version, RiskPermissions.Edit, ct: ct);
        if (risk is null)
        {
            return failure!;
        }

        if (c.Treatment is not { } treatment)
        {
            return Result.Invalid(new FieldError(nameof(Risk.Treatment), "Choose a treatment: mitigate, accept, transfer or avoid."));
        }

        var changed = risk.Treatment != treatment;
        var result = risk.Decide(treatment, c.Rationale);
        if (!result.Succeeded)
        {
            return result;
        }

        if (changed)
        {
            await Acceptances.SupersedeAll(db, [risk.Id], ct);
        }

        return await db.SaveAsync(ct);
    }
}
