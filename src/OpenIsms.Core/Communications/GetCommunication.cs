using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Communications;

/// <summary>One planned communication with its owner and its records, newest first, 25 a page.</summary>
public sealed class GetCommunication(OpenIsmsDbContext db)
{
    public sealed record Record
    {
        public required Guid Id { get; init; }

        public required DateOnly HappenedOn { get; init; }

        public required string? Note { get; init; }

        public required string? Link { get; init; }

        public required string? FileName { get; init; }

        public required string RecordedBy { get; init; }

        public required DateTime RecordedAt { get; init; }

        public required int Version { get; init; }
    }

    public sealed record View
    {
        public required CommunicationItem Item { get; init; }

        public required string? Owner { get; init; }

        public required Page<Record> Records { get; init; }

        public required DateOnly Today { get; init; }

        public bool Overdue => !Item.Stopped && Item.NextDueOn is { } due && due < Today;
    }

    public async Task<View?> Handle(Guid id, int page = 1, CancellationToken ct = default)
    {
        var item = await db.Set<CommunicationItem>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (item is null)
        {
            return null;
        }

        var records = db.Set<CommunicationRecord>().AsNoTracking().Where(r => r.ItemId == id);
        const int size = 25;
        page = PageSizes.NormalisePage(page);
        var total = await records.CountAsync(ct);
        var rows = await records.OrderByDescending(r => r.HappenedOn).ThenByDescending(r => r.CreatedAt).Skip((page - 1) * size).Take(size).Select(r => new Record
        {
            Id = r.Id, HappenedOn = r.HappenedOn, Note = r.Note, Link = r.Link, FileName = r.FileName, RecordedBy = r.RecordedBy, RecordedAt = r.CreatedAt, Version = r.Version,
        }).ToListAsync(ct);
        return new View
        {
            Item = item,
            Owner = item.OwnerId is null ? null : await db.Set<AppUser>().Where(u => u.Id == item.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct),
            Records = new Page<Record>(rows, page, size, total),
            Today = await db.Clock.Today(ct),
        };
    }
}

/// <summary>Who may communicate (and so record) a line of the plan.</summary>
public sealed class GetCommunicationFormOptions(OpenIsmsDbContext db)
{
    public async Task<IReadOnlyList<Choice>> Handle(CancellationToken ct = default) =>
        await Users.Owners.Choices(db, CommunicationPermissions.Edit, ct);
}
