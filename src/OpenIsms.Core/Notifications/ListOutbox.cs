using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Notifications;

/// <summary>The outbox for administrators: how many mails are in each state, and the mails newest first, filtered and paged in SQL.</summary>
public sealed class ListOutbox(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string To { get; init; }

        public required string Subject { get; init; }

        public required string Kind { get; init; }

        public required MailStatus Status { get; init; }

        public required DateTime QueuedAt { get; init; }

        public required DateTime NextAttemptAt { get; init; }

        public required int Attempts { get; init; }

        public required DateTime? SentAt { get; init; }

        public required string? LastError { get; init; }
    }

    /// <summary>The page of mails, and every state's count (unfiltered), for the headline.</summary>
    public sealed record View(Page<Row> Mails, IReadOnlyDictionary<MailStatus, int> Counts);

    public async Task<View?> Handle(OutboxFilter filter, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(MailPermissions.Manage))
        {
            return null;
        }

        var counts = await db.Set<OutboxMail>().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var q = db.Set<OutboxMail>().AsNoTracking();
        if (filter.Status is { } status)
        {
            q = q.Where(m => m.Status == status);
        }

        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.QueuedAt).ThenByDescending(m => m.Id).Skip((page - 1) * size).Take(size)
            .Select(m => new Row
            {
                Id = m.Id, To = m.To, Subject = m.Subject, Kind = m.Kind, Status = m.Status, QueuedAt = m.QueuedAt,
                NextAttemptAt = m.NextAttemptAt, Attempts = m.Attempts, SentAt = m.SentAt, LastError = m.LastError,
            })
            .ToListAsync(ct);
        return new(new Page<Row>(rows, page, size, total), Enum.GetValues<MailStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0));
    }
}
