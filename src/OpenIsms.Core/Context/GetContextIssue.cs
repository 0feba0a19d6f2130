using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Context;

public sealed class GetContextIssue(OpenIsmsDbContext db)
{
    public Task<ContextIssue?> Handle(Guid id, CancellationToken ct = default) =>
        db.Set<ContextIssue>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
}
