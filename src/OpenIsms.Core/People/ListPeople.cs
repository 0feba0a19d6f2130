using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.People;

/// <summary>The staff list, filtered and paged in SQL, with each person's manager by name.</summary>
public sealed class ListPeople(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required string? Email { get; init; }

        public required string? Department { get; init; }

        public required string? JobTitle { get; init; }

        public required Guid? ManagerId { get; init; }

        public required string? ManagerName { get; init; }

        public required DateOnly? StartDate { get; init; }

        public required DateOnly? LeavingDate { get; init; }

        /// <summary>The leaving date has passed in the organisation's day (<see cref="Person.HasLeft"/>, in SQL).</summary>
        public required bool HasLeft { get; init; }

        public required bool HasAccount { get; init; }

        public required int Version { get; init; }
    }

    /// <summary>The people the filter selects (no sort, no page), for the list and its export.</summary>
    public IQueryable<Person> Filter(PersonFilter query, DateOnly today)
    {
        var q = db.Set<Person>().AsNoTracking();
        q = query.Staff switch
        {
            Employment.Current => q.Where(p => p.LeavingDate == null || p.LeavingDate >= today),
            Employment.Left => q.Where(p => p.LeavingDate != null && p.LeavingDate < today),
            _ => q,
        };
        if (query.Department is { } department)
        {
            q = q.Where(p => p.Department == department);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = "%" + query.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(p => EF.Functions.Like(p.Name.ToLower(), term) || EF.Functions.Like(p.Email ?? "", term)
                || EF.Functions.Like((p.JobTitle ?? "").ToLower(), term) || EF.Functions.Like((p.Department ?? "").ToLower(), term));
        }

        return q;
    }

    public async Task<Page<Row>> Handle(PersonFilter query, CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var q = Filter(query, today);
        var size = PageSizes.Normalise(query.PageSize);
        var page = PageSizes.NormalisePage(query.Page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size)
            .Select(p => new Row
            {
                Id = p.Id,
                Name = p.Name,
                Email = p.Email,
                Department = p.Department,
                JobTitle = p.JobTitle,
                ManagerId = p.ManagerId,
                ManagerName = db.Set<Person>().Where(m => m.Id == p.ManagerId).Select(m => m.Name).FirstOrDefault(),
                StartDate = p.StartDate,
                LeavingDate = p.LeavingDate,
                HasLeft = p.LeavingDate != null && p.LeavingDate < today,
                HasAccount = p.UserId != null,
                Version = p.Version,
            })
            .ToListAsync(ct);
        return new Page<Row>(rows, page, size, total);
    }

    /// <summary>The departments named on the list, for the filter.</summary>
    public async Task<IReadOnlyList<string>> Departments(CancellationToken ct = default) =>
        await db.Set<Person>().AsNoTracking().Where(p => p.Department != null).Select(p => p.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);

    /// <summary>Everyone on the list as choices (for a manager), current staff first by name.</summary>
    public async Task<IReadOnlyList<Choice>> Choices(CancellationToken ct = default) =>
        (await db.Set<Person>().AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Department }).ToListAsync(ct))
        .Select(p => new Choice(p.Id.ToString(), p.Name, p.Department)).ToList();
}
