using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Evidence;

/// <summary>The open and recent tasks of a control, for its page.</summary>
public sealed class ListControlTasks(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required DateOnly DueOn { get; init; }

        public required ControlTaskStatus Status { get; init; }

        public required string? CompletedBy { get; init; }

        public required DateTime? CompletedAt { get; init; }

        public required string? Note { get; init; }
    }

    public async Task<IReadOnlyList<Row>> Handle(Guid controlId, int recent = 5, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ControlPermissions.Read))
        {
            return [];
        }

        // A run's note is written with its evidence and may describe it: only those who may read evidence see it.
        var notes = db.CurrentUser.Has(EvidencePermissions.Read);
        var open = Rows(db.Set<ControlTask>().Where(t => t.ControlId == controlId && t.Status == ControlTaskStatus.Open).OrderBy(t => t.DueOn));
        var done = Rows(db.Set<ControlTask>().Where(t => t.ControlId == controlId && t.Status == ControlTaskStatus.Done).OrderByDescending(t => t.DueOn).Take(recent));
        List<Row> rows = [.. await open.ToListAsync(ct), .. await done.ToListAsync(ct)];
        return notes ? rows : rows.Select(r => r with { Note = null }).ToList();
    }

    private IQueryable<Row> Rows(IQueryable<ControlTask> tasks) =>
        from t in tasks.AsNoTracking()
        join u in db.Set<AppUser>() on t.CompletedById equals u.Id into users
        from u in users.DefaultIfEmpty()
        select new Row { Id = t.Id, DueOn = t.DueOn, Status = t.Status, CompletedBy = u == null ? null : u.DisplayName, CompletedAt = t.CompletedAt, Note = t.Note };
}
