using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Soa;

/// <summary>
/// The draft Statement of Applicability: all 93 Annex A controls with their decision, the risks that plan on each,
/// the controls that implement each and the status that follows, and the warnings an auditor would raise.
/// Seven queries for the whole statement, whatever its size.
/// </summary>
public sealed class GetSoa(OpenIsmsDbContext db, SoaSummaryCache cache)
{
    /// <summary>Up to how many treating risks and implementing controls the page names in a row; more are counted and linked.</summary>
    public const int Named = 6;

    public sealed record Line
    {
        public required Requirement Requirement { get; init; }

        public required SoaEntry? Entry { get; init; }

        public required SoaRow Row { get; init; }

        public required IReadOnlyList<string> Warnings { get; init; }

        public required int TreatedCount { get; init; }

        public required int ImplementedCount { get; init; }

        /// <summary>The requirement's attribute values (any family), for the page's attribute filter.</summary>
        public IReadOnlyList<string> Attributes { get; init; } = [];
    }

    public sealed record View(IReadOnlyList<Line> Lines, SoaVersion? Latest, IReadOnlyList<SoaVersion> Versions)
    {
        public int Warnings => Lines.Sum(l => l.Warnings.Count);
    }

    // A class with init properties rather than a positional record, so that EF can filter and group on its members.
    private sealed class Ref
    {
        public Guid RequirementId { get; init; }

        public string Reference { get; init; } = "";
    }

    private sealed record Tally(Guid RequirementId, ControlStatus Status, int Count);

    /// <summary>The complete statement — every treating risk and implementing control named — as approvals, comparisons and exports need it.</summary>
    public async Task<View> Handle(CancellationToken ct = default)
    {
        var requirements = await Requirements(null, ct);
        var risks = (await OpenRiskLinks().OrderBy(x => x.Reference).ToListAsync(ct)).ToLookup(x => x.RequirementId, x => x.Reference);
        var controls = (await ControlLinks().OrderBy(x => x.Reference).ToListAsync(ct)).ToLookup(x => x.RequirementId, x => x.Reference);
        var statuses = (await (from x in db.Set<ControlRequirement>()
                               join c in db.Set<Control>() on x.ControlId equals c.Id
                               group c by new { x.RequirementId, c.Status } into g
                               select new Tally(g.Key.RequirementId, g.Key.Status, g.Count())).ToListAsync(ct)).ToLookup(t => t.RequirementId);
        var versions = await db.Set<SoaVersion>().AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
        var entries = await db.Set<SoaEntry>().AsNoTracking().ToDictionaryAsync(e => e.RequirementId, ct);
        var lines = requirements.Select(r => Build(r, entries.GetValueOrDefault(r.Id), risks[r.Id].ToList(), risks[r.Id].Count(), controls[r.Id].ToList(), statuses[r.Id].ToList())).ToList();
        return new View(await WithAttributes(lines, false, ct), versions.FirstOrDefault(), versions);
    }

    /// <summary>
    /// The statement as the page shows it: the counts of treating risks and implementing controls, aggregated in SQL, and
    /// their names where there are few, so the page's cost does not grow with the number of risks and controls. With a
    /// code, only that row.
    /// </summary>
    public async Task<View> Summary(string? code = null, CancellationToken ct = default)
    {
        code = code?.Trim().ToUpperInvariant();
        if (code is not null)
        {
            return await Compute(code, ct);
        }

        // Every change to any record appends to the activity log in the same transaction, so an unchanged head means an
        // unchanged statement: the page is served from this node's copy until something changes, on whichever node.
        var head = await Data.Log.LogHead.Of(db, ct);
        if (cache.Get(head) is { } cached)
        {
            return cached;
        }

        var view = await Compute(null, ct);
        cache.Put(head, view);
        return view;
    }

    private async Task<View> Compute(string? code, CancellationToken ct)
    {
        var requirements = await Requirements(code, ct);
        var ids = requirements.Select(r => r.Id).ToList();
        var single = code is not null;
        var riskLinks = OpenRiskLinks().Where(x => !single || ids.Contains(x.RequirementId));
        var riskCounts = await riskLinks.GroupBy(x => x.RequirementId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var riskNames = await Names(riskLinks, riskCounts, ct);
        var statuses = (await (from x in db.Set<ControlRequirement>()
                               where !single || ids.Contains(x.RequirementId)
                               join c in db.Set<Control>() on x.ControlId equals c.Id
                               group c by new { x.RequirementId, c.Status } into g
                               select new Tally(g.Key.RequirementId, g.Key.Status, g.Count())).ToListAsync(ct)).ToLookup(t => t.RequirementId);
        var controlNames = await Names(ControlLinks().Where(x => !single || ids.Contains(x.RequirementId)), statuses.ToDictionary(g => g.Key, g => g.Sum(t => t.Count)), ct);
        var entries = await db.Set<SoaEntry>().AsNoTracking().Where(e => !single || ids.Contains(e.RequirementId)).ToDictionaryAsync(e => e.RequirementId, ct);

        // The versions' list needs no frozen rows.
        var versions = await db.Set<SoaVersion>().AsNoTracking().OrderByDescending(v => v.Number)
            .Select(v => new SoaVersion { Number = v.Number, ApprovedById = v.ApprovedById, ApprovedByName = v.ApprovedByName, ApprovedAt = v.ApprovedAt, Note = v.Note })
            .ToListAsync(ct);
        var lines = requirements.Select(r => Build(r, entries.GetValueOrDefault(r.Id), riskNames[r.Id].ToList(), riskCounts.GetValueOrDefault(r.Id), controlNames[r.Id].ToList(), statuses[r.Id].ToList())).ToList();
        return new View(await WithAttributes(lines, single, ct), versions.FirstOrDefault(), versions);
    }

    /// <summary>The rows a filter keeps; always the 93 rows in memory, so this needs no SQL.</summary>
    public static IReadOnlyList<Line> Filter(View view, SoaFilter f) => view.Lines
        .Where(l => string.IsNullOrEmpty(f.Theme) || l.Requirement.Theme == f.Theme)
        .Where(l => string.IsNullOrEmpty(f.Attribute) || l.Attributes.Contains(f.Attribute))
        .Where(l => string.IsNullOrEmpty(f.Status) || l.Row.Status == f.Status)
        .Where(l => f.Decision switch
        {
            "applicable" => l.Entry?.Applicable == true,
            "excluded" => l.Entry?.Applicable == false,
            "undecided" => l.Entry?.Applicable is null,
            "warnings" => l.Warnings.Count > 0,
            _ => true,
        })
        .ToList();

    /// <summary>One approved version with its frozen rows: the given number, or the latest when none is given.</summary>
    public Task<SoaVersion?> Version(int? number, CancellationToken ct = default) =>
        db.Set<SoaVersion>().AsNoTracking().Where(v => number == null || v.Number == number).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    // One query for every row's attributes (or the one row's).
    private async Task<List<Line>> WithAttributes(List<Line> lines, bool single, CancellationToken ct)
    {
        var ids = lines.Select(l => l.Requirement.Id).ToList();
        var attributes = (await db.Set<RequirementAttribute>().AsNoTracking()
            .Where(a => single ? ids.Contains(a.RequirementId) : db.SoaControls().Any(r => r.Id == a.RequirementId))
            .Select(a => new { a.RequirementId, a.Value }).ToListAsync(ct)).ToLookup(a => a.RequirementId, a => a.Value);
        return lines.Select(l => l with { Attributes = attributes[l.Requirement.Id].ToList() }).ToList();
    }

    private Task<List<Requirement>> Requirements(string? code, CancellationToken ct) =>
        db.SoaControls().AsNoTracking().Where(r => code == null || r.Code == code).OrderBy(r => r.SortOrder).ToListAsync(ct);

    private IQueryable<Ref> OpenRiskLinks() =>
        from x in db.Set<RiskControl>()
        join r in db.Set<Risk>() on x.RiskId equals r.Id
        where r.Status != RiskStatus.Closed
        select new Ref { RequirementId = x.RequirementId, Reference = r.Reference };

    private IQueryable<Ref> ControlLinks() =>
        from x in db.Set<ControlRequirement>()
        join c in db.Set<Control>() on x.ControlId equals c.Id
        select new Ref { RequirementId = x.RequirementId, Reference = c.Reference };

    // Names only where there are few (at most Named per row, so at most 93 × Named rows); a larger set is a count and a link.
    private static async Task<ILookup<Guid, string>> Names(IQueryable<Ref> links, Dictionary<Guid, int> counts, CancellationToken ct)
    {
        var few = counts.Where(c => c.Value <= Named).Select(c => c.Key).ToList();
        return few.Count == 0
            ? Array.Empty<Ref>().ToLookup(x => x.RequirementId, x => x.Reference)
            : (await links.Where(x => few.Contains(x.RequirementId)).OrderBy(x => x.Reference).ToListAsync(ct)).ToLookup(x => x.RequirementId, x => x.Reference);
    }

    private static Line Build(Requirement r, SoaEntry? entry, List<string> treated, int treatedCount, List<string> implementing, List<Tally> statuses)
    {
        var derived = Derive(statuses.Select(t => t.Status).ToList());
        var implementedCount = statuses.Sum(t => t.Count);
        var status = entry?.StatusOverride ?? derived;
        var row = new SoaRow
        {
            Code = r.Code,
            Title = r.Title,
            Theme = r.Theme,
            Applicable = entry?.Applicable,
            Reasons = entry?.ReasonList.Select(x => x.ToString()).ToList() ?? [],
            TreatedRisks = treated,
            ExclusionJustification = entry?.ExclusionJustification,
            InclusionJustification = entry?.InclusionJustification,
            Status = entry?.Applicable == false ? "Not applicable" : Labels(status),
            OverrideReason = entry?.OverrideReason,
            ImplementedBy = implementing,
            Notes = entry?.Notes,
        };
        var warnings = new List<string>();
        if (entry?.Applicable is null)
        {
            warnings.Add(treatedCount > 0 ? $"Not decided yet, though {Count(treatedCount)} plan on it." : "Not decided yet.");
        }
        else if (entry.Applicable == false && treatedCount > 0)
        {
            warnings.Add($"Excluded, but the treatment of {string.Join(", ", treated.Take(5))}{(treatedCount > 5 ? $" and {treatedCount - 5} more" : "")} depends on it.");
        }
        else if (entry.Applicable == true && implementedCount == 0)
        {
            warnings.Add("Applicable, but none of your controls implements it.");
        }

        return new Line { Requirement = r, Entry = entry, Row = row, Warnings = warnings, TreatedCount = treatedCount, ImplementedCount = implementedCount };
    }

    /// <summary>The status the implementing controls show: the least advanced one counts, and an ineffective one shows.</summary>
    public static ControlStatus Derive(IReadOnlyCollection<ControlStatus> statuses) =>
        statuses.Count == 0 ? ControlStatus.NotStarted
        : statuses.Contains(ControlStatus.Ineffective) ? ControlStatus.Ineffective
        : statuses.Min();

    public static string Labels(ControlStatus status) => status switch
    {
        ControlStatus.NotStarted => "Not implemented",
        ControlStatus.Planned => "Planned",
        ControlStatus.Implemented => "Implemented",
        ControlStatus.Operating => "Operating",
        _ => "Ineffective",
    };

    private static string Count(int risks) => risks == 1 ? "1 risk" : $"{risks} risks";
}
