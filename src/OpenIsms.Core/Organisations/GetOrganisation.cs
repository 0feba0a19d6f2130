using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Organisations;

public sealed class GetOrganisation(OpenIsmsDbContext db)
{
    public Task<Organisation?> Handle(CancellationToken ct = default) =>
        db.Set<Organisation>().AsNoTracking().OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>Whether one person may do both halves of a four-eyes check, read fresh for the rule that asks.</summary>
    public static Task<bool> SamePersonMayApprove(OpenIsmsDbContext db, CancellationToken ct) =>
        db.Set<Organisation>().AsNoTracking().OrderBy(o => o.CreatedAt).Select(o => o.SamePersonMayApprove).FirstOrDefaultAsync(ct);
}
