using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Evidence;

/// <summary>Links evidence to one more control, found by its identifier.</summary>
public sealed class LinkEvidence(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid evidenceId, string? controlReference, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(EvidencePermissions.Add))
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
