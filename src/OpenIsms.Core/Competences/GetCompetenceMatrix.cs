using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;

namespace OpenIsms.Core.Competences;

/// <summary>
/// The competence matrix (clause 7.2): people holding ISMS roles × the competences their roles need, each cell met,
/// expiring, planned or a gap. People are filtered and paged in SQL; the cells of a page come from three more queries.
/// </summary>
public sealed class GetCompetenceMatrix(OpenIsmsDbContext db)
{
    public sealed record Column(Guid Id, string Name, CompetenceKind Kind);

    public sealed record Cell
    {
        public required Proficiency Needed { get; init; }

        public required NeedState State { get; init; }

        public required DateOnly? ValidUntil { get; init; }

        public required DateOnly? ActionDue { get; init; }
    }

    public sealed record Row
    {
        public required Guid PersonId { get; init; }

        public required string Name { get; init; }

        public required string? Department { get; init; }

        public required IReadOnlyList<string> Roles { get; init; }

        /// <summary>Competence id → cell; a competence the person's roles do not need has none.</summary>
        public required IReadOnlyDictionary<Guid, Cell> Cells { get; init; }
    }

    public sealed record Summary
    {
        public required int People { get; init; }

        public required int Needs { get; init; }

        public required int Met { get; init; }

        public required int Expiring { get; init; }

        public required int GapsPlanned { get; init; }

        public required int GapsUnplanned { get; init; }
    }

    public sealed record Matrix
    {
        public required IReadOnlyList<Column> Columns { get; init; }

        public required Page<Row> Rows { get; init; }

        public required Summary Totals { get; init; }
    }

    public async Task<Matrix> Handle(CompetenceFilter filter, CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var needs = CompetenceNeeds.Current(db, today);
        if (filter.RoleId is { } roleId)
        {
            needs = needs.Where(n => n.RoleId == roleId);
        }

        var people = db.Set<Person>().AsNoTracking().Where(p => needs.Any(n => n.PersonId == p.Id));
        if (filter.Department is { } department)
        {
            people = people.Where(p => p.Department == department);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = "%" + filter.Search.Trim().ToLowerInvariant() + "%";
            people = people.Where(p => EF.Functions.Like(p.Name.ToLower(), term));
        }

        if (filter.GapsOnly)
        {
            var unmet = CompetenceNeeds.Unmet(db, needs, today);
            people = people.Where(p => unmet.Any(n => n.PersonId == p.Id));
        }

        var size = PageSizes.Normalise(filter.PageSize);
        var number = PageSizes.NormalisePage(filter.Page);
        var total = await people.CountAsync(ct);
        var page = await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size)
            .Select(p => new { p.Id, p.Name, p.Department }).ToListAsync(ct);
        var ids = page.Select(p => p.Id).ToList();

        var pageNeeds = (await needs.Where(n => ids.Contains(n.PersonId)).Select(n => new { n.PersonId, n.CompetenceId, n.Kind, n.Level }).ToListAsync(ct))
            .GroupBy(n => (n.PersonId, n.CompetenceId)).Select(g => new { g.Key.PersonId, g.Key.CompetenceId, g.First().Kind, Level = g.Max(n => n.Level) }).ToList();
        var competenceIds = pageNeeds.Select(n => n.CompetenceId).Distinct().ToList();
        var evidence = (await db.Set<CompetenceEvidence>().AsNoTracking().Where(e => ids.Contains(e.PersonId) && competenceIds.Contains(e.CompetenceId))
            .Select(e => new { e.PersonId, e.CompetenceId, e.Level, e.ObtainedOn, e.ExpiresOn }).ToListAsync(ct))
            .ToLookup(e => (e.PersonId, e.CompetenceId), e => new CompetenceRules.Held(e.Level, e.ObtainedOn, e.ExpiresOn));
        var actions = (await db.Set<CompetenceAction>().AsNoTracking().Where(a => ids.Contains(a.PersonId) && a.Status == GapActionStatus.Planned)
            .Select(a => new { a.PersonId, a.CompetenceId, a.DueOn }).ToListAsync(ct))
            .GroupBy(a => (a.PersonId, a.CompetenceId)).ToDictionary(g => g.Key, g => g.Min(a => a.DueOn));
        var roles = (await ListIsmsRoles.CurrentHolders(db, today).Where(a => ids.Contains(a.PersonId))
            .Join(db.Set<IsmsRole>(), a => a.RoleId, r => r.Id, (a, r) => new { a.PersonId, r.Name }).ToListAsync(ct))
            .ToLookup(r => r.PersonId, r => r.Name);
        var columns = await db.Set<Competence>().AsNoTracking().Where(c => competenceIds.Contains(c.Id)).OrderBy(c => c.Kind).ThenBy(c => c.Name)
            .Select(c => new Column(c.Id, c.Name, c.Kind)).ToListAsync(ct);

        var byPerson = pageNeeds.ToLookup(n => n.PersonId);
        var rows = page.Select(p => new Row
        {
            PersonId = p.Id,
            Name = p.Name,
            Department = p.Department,
            Roles = roles[p.Id].Distinct().Order().ToList(),
            Cells = byPerson[p.Id].ToDictionary(n => n.CompetenceId, n =>
            {
                var planned = actions.TryGetValue((p.Id, n.CompetenceId), out var due);
                var (state, until) = CompetenceRules.State(n.Level, n.Kind, evidence[(p.Id, n.CompetenceId)], planned, today);
                return new Cell { Needed = n.Level, State = state, ValidUntil = until, ActionDue = planned ? due : null };
            }),
        }).ToList();

        return new Matrix { Columns = columns, Rows = new Page<Row>(rows, number, size, total), Totals = await Totals(db, needs, today, filter.RoleId is null, ct) };
    }

    /// <summary>The counts over everyone the needs select (not just the page): one query, counted here.</summary>
    internal static async Task<Summary> Totals(OpenIsmsDbContext db, IQueryable<Need> needs, DateOnly today, bool everyone, CancellationToken ct) =>
        Count(await CompetenceNeeds.Pairs(db, needs, today, everyone, ct));

    internal static Summary Count(IReadOnlyList<NeedFlags> pairs) => new()
    {
        People = pairs.Select(p => p.PersonId).Distinct().Count(),
        Needs = pairs.Count,
        Met = pairs.Count(p => p.Met),
        Expiring = pairs.Count(p => p.Met && !p.Lasting),
        GapsPlanned = pairs.Count(p => !p.Met && p.Planned),
        GapsUnplanned = pairs.Count(p => !p.Met && !p.Planned),
    };
}
