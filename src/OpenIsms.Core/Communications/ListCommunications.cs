using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Communications;

/// <summary>Which planned communications are shown, as the plan's URL carries it (<c>?due=overdue&amp;reach=External</c>).</summary>
public enum CommunicationDue
{
    /// <summary>Past its date.</summary>
    Overdue,

    /// <summary>Overdue or due within 30 days.</summary>
    Soon,
}

/// <summary>The communication plan's filter.</summary>
public sealed record CommunicationFilter
{
    public string? Search { get; init; }

    public CommunicationReach? Reach { get; init; }

    public CommunicationFrequency? Frequency { get; init; }

    public CommunicationDue? Due { get; init; }

    /// <summary>Only the current user's.</summary>
    public bool Mine { get; init; }

    /// <summary>Communications no longer planned too.</summary>
    public bool Stopped { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new CommunicationFilter();

    public static CommunicationFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Reach = Enum<CommunicationReach>(get("reach")),
        Frequency = Enum<CommunicationFrequency>(get("frequency")),
        Due = Enum<CommunicationDue>(get("due")),
        Mine = True(get("mine")),
        Stopped = True(get("stopped")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([
        ("q", Search), ("reach", Reach?.ToString()), ("frequency", Frequency?.ToString()), ("due", Due?.ToString()),
        ("mine", Mine ? "true" : null), ("stopped", Stopped ? "true" : null), .. Paging(Page, PageSize)]);
}

/// <summary>The communication plan, filtered and paged in SQL, each line with who communicates it and when it last happened.</summary>
public sealed class ListCommunications(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Subject { get; init; }

        public required string Audience { get; init; }

        public required CommunicationReach Reach { get; init; }

        public required string Channel { get; init; }

        public required CommunicationFrequency Frequency { get; init; }

        public required string? Trigger { get; init; }

        public required string? Owner { get; init; }

        public required DateOnly? NextDueOn { get; init; }

        public required DateOnly? LastOn { get; init; }

        public required int Records { get; init; }

        public required bool Stopped { get; init; }
    }

    public async Task<Page<Row>> Handle(CommunicationFilter filter, CancellationToken ct = default)
    {
        var q = Filter(filter, await db.Clock.Today(ct));
        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await Project(Order(q).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }

    /// <summary>The plan under the filter, in the database.</summary>
    public IQueryable<CommunicationItem> Filter(CommunicationFilter filter, DateOnly today)
    {
        var q = db.Set<CommunicationItem>().AsNoTracking();
        if (!filter.Stopped)
        {
            q = q.Where(c => !c.Stopped);
        }

        if (filter.Reach is { } reach)
        {
            q = q.Where(c => c.Reach == reach);
        }

        if (filter.Frequency is { } frequency)
        {
            q = q.Where(c => c.Frequency == frequency);
        }

        if (filter.Due is { } due)
        {
            var by = due == CommunicationDue.Overdue ? today.AddDays(-1) : today.AddDays(30);
            q = q.Where(c => !c.Stopped && c.NextDueOn != null && c.NextDueOn <= by);
        }

        if (filter.Mine)
        {
            var me = db.CurrentUser.UserId ?? "";
            q = q.Where(c => c.OwnerId == me);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = "%" + filter.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(c => EF.Functions.Like(c.Subject.ToLower(), term) || EF.Functions.Like(c.Audience.ToLower(), term) || EF.Functions.Like(c.Channel.ToLower(), term));
        }

        return q;
    }

    /// <summary>Dated lines first, soonest first; then those on an event or done.</summary>
    public static IQueryable<CommunicationItem> Order(IQueryable<CommunicationItem> q) =>
        q.OrderBy(c => c.NextDueOn == null).ThenBy(c => c.NextDueOn).ThenBy(c => c.Subject).ThenBy(c => c.Id);

    public IQueryable<Row> Project(IQueryable<CommunicationItem> q) => q.Select(c => new Row
    {
        Id = c.Id, Subject = c.Subject, Audience = c.Audience, Reach = c.Reach, Channel = c.Channel, Frequency = c.Frequency, Trigger = c.Trigger,
        NextDueOn = c.NextDueOn, Stopped = c.Stopped,
        Owner = db.Set<AppUser>().Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        LastOn = db.Set<CommunicationRecord>().Where(r => r.ItemId == c.Id).OrderByDescending(r => r.HappenedOn).Select(r => (DateOnly?)r.HappenedOn).FirstOrDefault(),
        Records = db.Set<CommunicationRecord>().Count(r => r.ItemId == c.Id),
    });
}

/// <summary>The communication plan as rows for an export, under the plan's filter, streamed.</summary>
public sealed class ExportCommunications(OpenIsmsDbContext db, ListCommunications list)
{
    public static readonly string[] Columns =
        ["What", "To whom", "Internal or external", "How", "Who communicates", "How often", "On which event", "Next due", "Last happened", "Records", "Status"];

    public async IAsyncEnumerable<object?[]> Handle(CommunicationFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        await foreach (var r in list.Project(ListCommunications.Order(list.Filter(filter, today))).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [r.Subject, r.Audience, r.Reach.ToString(), r.Channel, r.Owner, CommunicationItem.Words(r.Frequency), r.Trigger, r.NextDueOn, r.LastOn, r.Records, Status(r, today)];
        }
    }

    public static string Status(ListCommunications.Row r, DateOnly today) =>
        r.Stopped ? "No longer planned"
        : r.NextDueOn is { } due ? due < today ? "Overdue" : "Planned"
        : r.Frequency == CommunicationFrequency.OnEvent ? "On event"
        : "Done";

}

/// <summary>
/// What a readiness check asks of clause 7.4 — a plan reaching inside and outside the organisation, kept to — and the current
/// user's part: communications of theirs due within a week or overdue.
/// </summary>
public sealed class GetCommunicationFacts(OpenIsmsDbContext db)
{
    public sealed record Due(Guid Id, string Subject, DateOnly NextDueOn);

    public sealed record Facts
    {
        public required int Planned { get; init; }

        public required int Internal { get; init; }

        public required int External { get; init; }

        public required int Overdue { get; init; }

        /// <summary>Planned lines with no record yet that were due before today (or are on an event and never happened).</summary>
        public required int NeverHappened { get; init; }

        public required IReadOnlyList<Due> MyDue { get; init; }
    }

    public async Task<Facts> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var planned = db.Set<CommunicationItem>().Where(c => !c.Stopped);
        var userId = db.CurrentUser.UserId;
        var soon = today.AddDays(7);
        var counts = await planned.GroupBy(_ => 1).Select(g => new
        {
            Planned = g.Count(),
            Internal = g.Count(c => c.Reach == CommunicationReach.Internal),
            External = g.Count(c => c.Reach == CommunicationReach.External),
            Overdue = g.Count(c => c.NextDueOn != null && c.NextDueOn < today),
        }).ToListAsync(ct); // one row, or none when nothing is planned
        var totals = counts.FirstOrDefault();
        return new Facts
        {
            Planned = totals?.Planned ?? 0,
            Internal = totals?.Internal ?? 0,
            External = totals?.External ?? 0,
            Overdue = totals?.Overdue ?? 0,
            NeverHappened = await planned.CountAsync(c => (c.NextDueOn == null || c.NextDueOn < today) && !db.Set<CommunicationRecord>().Any(r => r.ItemId == c.Id), ct),
            MyDue = userId is null ? [] : await planned.AsNoTracking()
                .Where(c => c.OwnerId == userId && c.NextDueOn != null && c.NextDueOn <= soon)
                .OrderBy(c => c.NextDueOn).Take(20).Select(c => new Due(c.Id, c.Subject, c.NextDueOn!.Value)).ToListAsync(ct),
        };
    }
}
