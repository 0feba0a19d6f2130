using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Nonconformities;

/// <summary>The nonconformity register's filter, as its URL carries it (<c>?severity=Major&amp;overdue=true</c>).</summary>
public sealed record NonconformityFilter
{
    public string? Search { get; init; }

    public NonconformityState? State { get; init; }

    public NonconformitySeverity? Severity { get; init; }

    public NonconformitySource? Source { get; init; }

    /// <summary>Closed ones too (the register shows open ones unless asked).</summary>
    public bool Closed { get; init; }

    /// <summary>Only those the current user answers for.</summary>
    public bool Mine { get; init; }

    /// <summary>With a corrective action past its date or an effectiveness check overdue.</summary>
    public bool Overdue { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new NonconformityFilter();

    public static NonconformityFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        State = Enum<NonconformityState>(get("state")),
        Severity = Enum<NonconformitySeverity>(get("severity")),
        Source = Enum<NonconformitySource>(get("source")),
        Closed = True(get("closed")),
        Mine = True(get("mine")),
        Overdue = True(get("overdue")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([
        ("q", Search), ("state", State?.ToString()), ("severity", Severity?.ToString()), ("source", Source?.ToString()),
        ("closed", Closed ? "true" : null), ("mine", Mine ? "true" : null), ("overdue", Overdue ? "true" : null), .. Paging(Page, PageSize)]);
}

/// <summary>The nonconformity register, filtered and paged in SQL: newest first, each with its owner, requirement and next date.</summary>
public sealed class ListNonconformities(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required NonconformitySeverity Severity { get; init; }

        public required NonconformitySource Source { get; init; }

        public required NonconformityState State { get; init; }

        public required string? Requirement { get; init; }

        public required string? Process { get; init; }

        public required string? Owner { get; init; }

        public required DateOnly RaisedOn { get; init; }

        /// <summary>The earliest open corrective action's due date.</summary>
        public required DateOnly? NextActionDueOn { get; init; }

        public required DateOnly? EffectivenessDueOn { get; init; }

        public required DateOnly? ClosedOn { get; init; }

        public required string? RootCause { get; init; }

        public required int Round { get; init; }

        public required string? RecurrenceOf { get; init; }
    }

    public async Task<Page<Row>> Handle(NonconformityFilter filter, CancellationToken ct = default)
    {
        var q = Filter(filter, await db.Clock.Today(ct));
        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await Project(Order(q).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }

    public IQueryable<Nonconformity> Filter(NonconformityFilter filter, DateOnly today)
    {
        var q = db.Set<Nonconformity>().AsNoTracking();
        if (filter.State is { } state)
        {
            q = q.Where(n => n.State == state);
        }
        else if (!filter.Closed)
        {
            q = q.Where(n => n.State != NonconformityState.Closed);
        }

        if (filter.Severity is { } severity)
        {
            q = q.Where(n => n.Severity == severity);
        }

        if (filter.Source is { } source)
        {
            q = q.Where(n => n.Source == source);
        }

        if (filter.Mine)
        {
            var me = db.CurrentUser.UserId ?? "";
            q = q.Where(n => n.OwnerId == me);
        }

        if (filter.Overdue)
        {
            q = q.Where(n => n.State != NonconformityState.Closed
                && ((n.EffectivenessDueOn != null && n.EffectivenessDueOn < today)
                    || db.Set<CorrectiveAction>().Any(a => a.NonconformityId == n.Id && a.Status == CorrectiveActionStatus.Open && a.DueOn < today)));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = "%" + filter.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(n => EF.Functions.Like(n.Reference.ToLower(), term) || EF.Functions.Like(n.Title.ToLower(), term)
                || (n.Process != null && EF.Functions.Like(n.Process.ToLower(), term)) || (n.RequirementText != null && EF.Functions.Like(n.RequirementText.ToLower(), term))
                || db.Set<Requirement>().Any(r => r.Id == n.RequirementId && EF.Functions.Like(r.Code.ToLower(), term)));
        }

        return q;
    }

    public static IQueryable<Nonconformity> Order(IQueryable<Nonconformity> q) =>
        q.OrderByDescending(n => n.RaisedOn).ThenByDescending(n => n.Reference).ThenBy(n => n.Id);

    public IQueryable<Row> Project(IQueryable<Nonconformity> q) => q.Select(n => new Row
    {
        Id = n.Id, Reference = n.Reference, Title = n.Title, Severity = n.Severity, Source = n.Source, State = n.State, Process = n.Process, RaisedOn = n.RaisedOn,
        EffectivenessDueOn = n.EffectivenessDueOn, ClosedOn = n.ClosedOn, RootCause = n.RootCause, Round = n.Round,
        Requirement = db.Set<Requirement>().Where(r => r.Id == n.RequirementId).Select(r => r.Code + " " + r.Title).FirstOrDefault() ?? n.RequirementText,
        Owner = db.Set<AppUser>().Where(u => u.Id == n.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        NextActionDueOn = db.Set<CorrectiveAction>().Where(a => a.NonconformityId == n.Id && a.Status == CorrectiveActionStatus.Open)
            .OrderBy(a => a.DueOn).Select(a => (DateOnly?)a.DueOn).FirstOrDefault(),
        RecurrenceOf = db.Set<Nonconformity>().Where(e => e.Id == n.RecurrenceOfId).Select(e => e.Reference).FirstOrDefault(),
    });
}

/// <summary>The nonconformity register as rows for an export, under the register's filter, streamed.</summary>
public sealed class ExportNonconformities(OpenIsmsDbContext db, ListNonconformities list)
{
    public static readonly string[] Columns =
        ["Reference", "Title", "Severity", "Source", "Requirement", "Where", "Raised on", "Owner", "State", "Root cause", "Next action due", "Effectiveness check due", "Closed on", "Recurrence of"];

    public async IAsyncEnumerable<object?[]> Handle(NonconformityFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        await foreach (var r in list.Project(ListNonconformities.Order(list.Filter(filter, today))).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [r.Reference, r.Title, r.Severity.ToString(), Text.Words(r.Source.ToString()), r.Requirement, r.Process, r.RaisedOn, r.Owner,
                Text.Words(r.State.ToString()), r.RootCause, r.NextActionDueOn, r.EffectivenessDueOn, r.ClosedOn, r.RecurrenceOf];
        }
    }
}
