using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Improvements;

/// <summary>The improvement register's filter, as its URL carries it.</summary>
public sealed record ImprovementFilter
{
    public string? Search { get; init; }

    public ImprovementStatus? Status { get; init; }

    public ImprovementSource? Source { get; init; }

    /// <summary>Done and rejected ones too.</summary>
    public bool Closed { get; init; }

    public bool Mine { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public bool IsUnfiltered => this with { Page = 1, PageSize = 25 } == new ImprovementFilter();

    public static ImprovementFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Status = Enum<ImprovementStatus>(get("status")),
        Source = Enum<ImprovementSource>(get("source")),
        Closed = True(get("closed")),
        Mine = True(get("mine")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([
        ("q", Search), ("status", Status?.ToString()), ("source", Source?.ToString()), ("closed", Closed ? "true" : null), ("mine", Mine ? "true" : null),
        .. Paging(Page, PageSize)]);
}

/// <summary>The improvement register (clause 10.1), filtered and paged in SQL, newest first.</summary>
public sealed class ListImprovements(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required ImprovementSource Source { get; init; }

        public required string? SourceReference { get; init; }

        public required ImprovementStatus Status { get; init; }

        public required string? Owner { get; init; }

        public required DateOnly RaisedOn { get; init; }

        public required DateOnly? DueOn { get; init; }

        public required string? Outcome { get; init; }
    }

    public async Task<Page<Row>> Handle(ImprovementFilter filter, CancellationToken ct = default)
    {
        var q = Filter(filter);
        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        var total = await q.CountAsync(ct);
        var rows = await Project(Order(q).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }

    public IQueryable<Improvement> Filter(ImprovementFilter filter)
    {
        var q = db.Set<Improvement>().AsNoTracking();
        if (filter.Status is { } status)
        {
            q = q.Where(i => i.Status == status);
        }
        else if (!filter.Closed)
        {
            q = q.Where(i => i.Status != ImprovementStatus.Done && i.Status != ImprovementStatus.Rejected);
        }

        if (filter.Source is { } source)
        {
            q = q.Where(i => i.Source == source);
        }

        if (filter.Mine)
        {
            var me = db.CurrentUser.UserId ?? "";
            q = q.Where(i => i.OwnerId == me);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = "%" + filter.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(i => EF.Functions.Like(i.Reference.ToLower(), term) || EF.Functions.Like(i.Title.ToLower(), term)
                || (i.SourceReference != null && EF.Functions.Like(i.SourceReference.ToLower(), term)));
        }

        return q;
    }

    public static IQueryable<Improvement> Order(IQueryable<Improvement> q) => q.OrderByDescending(i => i.RaisedOn).ThenByDescending(i => i.Reference).ThenBy(i => i.Id);

    public IQueryable<Row> Project(IQueryable<Improvement> q) => q.Select(i => new Row
    {
        Id = i.Id, Reference = i.Reference, Title = i.Title, Source = i.Source, SourceReference = i.SourceReference, Status = i.Status, RaisedOn = i.RaisedOn,
        DueOn = i.DueOn, Outcome = i.Outcome, Owner = db.Set<AppUser>().Where(u => u.Id == i.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
    });
}

/// <summary>The improvement register as rows for an export, streamed.</summary>
public sealed class ExportImprovements(ListImprovements list)
{
    public static readonly string[] Columns = ["Reference", "Opportunity", "Source", "From", "Raised on", "Owner", "Status", "Due", "Outcome"];

    public async IAsyncEnumerable<object?[]> Handle(ImprovementFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var r in list.Project(ListImprovements.Order(list.Filter(filter))).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [r.Reference, r.Title, Text.Words(r.Source.ToString()), r.SourceReference, r.RaisedOn, r.Owner, Text.Words(r.Status.ToString()), r.DueOn, r.Outcome];
        }
    }
}
