using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;

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

    public sealed record Line(Requirement Requirement, SoaEntry? Entry, SoaRow Row, IReadOnlyList<string> Warnings, int TreatedCount, int ImplementedCount)
    {
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
        // The head's hash as well as its number: a database restored from a backup and written to again can reach the same number.
        var last = await db.Set<Activity.ActivityEntry>().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var head = last is null ? "0" : $"{last.Sequence}:{last.Hash}";
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

    /// <summary>The page's filters: theme, decision (applicable, excluded, undecided, warnings), attribute tag, status label.</summary>
    public sealed record RowFilter(string? Theme = null, string? Decision = null, string? Attribute = null, string? Status = null);

    /// <summary>The rows a filter keeps; always the 93 rows in memory, so this needs no SQL.</summary>
    public static IReadOnlyList<Line> Filter(View view, RowFilter f) => view.Lines
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
        var row = new SoaRow(r.Code, r.Title, r.Theme, entry?.Applicable, entry?.ReasonList.Select(x => x.ToString()).ToList() ?? [], treated,
            entry?.ExclusionJustification, Labels(status), entry?.OverrideReason, implementing, entry?.Notes);
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

        return new Line(r, entry, row, warnings, treatedCount, implementedCount);
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

/// <summary>
/// This node's copy of the SoA summary, with the activity-log position it was computed at. A hint, never the truth: every
/// read compares that position with the database's, so several nodes stay correct without talking to each other.
/// </summary>
public sealed class SoaSummaryCache
{
    private readonly Lock gate = new();
    private (string Head, GetSoa.View View)? entry;

    public GetSoa.View? Get(string head)
    {
        lock (gate)
        {
            return entry is { } e && e.Head == head ? e.View : null;
        }
    }

    public void Put(string head, GetSoa.View view)
    {
        lock (gate)
        {
            entry = (head, view);
        }
    }
}

/// <summary>Records the SoA decision for one Annex A control.</summary>
public sealed class SaveSoaEntry(OpenIsmsDbContext db)
{
    public sealed record Command(string Code, SoaEntry.Decision Decision, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.ControlsEdit))
        {
            return Result.Forbidden();
        }

        var requirement = await db.SoaControls().AsNoTracking().FirstOrDefaultAsync(r => r.Code == c.Code, ct);
        if (requirement is null)
        {
            return Result.NotFound();
        }

        var entry = await db.Set<SoaEntry>().FirstOrDefaultAsync(e => e.RequirementId == requirement.Id, ct);
        if (entry is null)
        {
            entry = new SoaEntry { RequirementId = requirement.Id };
            db.Add(entry);
        }
        else if (db.CheckVersion(entry, c.Version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var treatsRisks = await db.Set<RiskControl>().AnyAsync(x => x.RequirementId == requirement.Id, ct);
        var result = entry.Decide(c.Decision, treatsRisks);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}

/// <summary>Approves the SoA as it stands: a numbered, frozen copy of every row with the approver and the time.</summary>
public sealed class ApproveSoa(OpenIsmsDbContext db, GetSoa get)
{
    public async Task<Result<int>> Handle(string? note, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.SoaApprove) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<int>.From(Result.Forbidden());
        }

        var soa = await get.Handle(ct);
        var undecided = soa.Lines.Count(l => l.Entry?.Applicable is null);
        if (undecided > 0)
        {
            return Result<int>.From(Result.Fail($"{undecided} Annex A control(s) are not decided yet. Every control needs a decision before the SoA can be approved."));
        }

        var number = (soa.Latest?.Number ?? 0) + 1;
        db.Add(new SoaVersion
        {
            Number = number, ApprovedById = userId, ApprovedByName = db.CurrentUser.DisplayName, ApprovedAt = db.Clock.UtcNow,
            Note = Text.OrNull(note), RowsJson = JsonSerializer.Serialize(soa.Lines.Select(l => l.Row).ToList()),
        });
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? number : Result<int>.From(saved);
    }
}

/// <summary>Row-by-row differences between two versions, or between a version and the current draft.</summary>
public sealed class CompareSoa(OpenIsmsDbContext db, GetSoa get)
{
    public sealed record Change(string Code, string Title, string Field, string? Before, string? After);

    /// <summary>Null version numbers mean the current draft.</summary>
    public async Task<IReadOnlyList<Change>?> Handle(int? from, int? to, CancellationToken ct = default)
    {
        var before = await Rows(from, ct);
        var after = await Rows(to, ct);
        if (before is null || after is null)
        {
            return null;
        }

        var changes = new List<Change>();
        foreach (var row in after)
        {
            var old = before.FirstOrDefault(r => r.Code == row.Code);
            void Compare(string field, string? a, string? b)
            {
                if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
                {
                    changes.Add(new Change(row.Code, row.Title, field, a, b));
                }
            }

            Compare("Applicable", Applicability(old?.Applicable), Applicability(row.Applicable));
            Compare("Reasons", old is null ? null : string.Join(", ", old.Reasons.Select(Text.Words)), string.Join(", ", row.Reasons.Select(Text.Words)));
            Compare("Risks treated", old is null ? null : string.Join(", ", old.TreatedRisks), string.Join(", ", row.TreatedRisks));
            Compare("Justification for exclusion", old?.ExclusionJustification, row.ExclusionJustification);
            Compare("Status", old?.Status is { } was ? Text.Words(was) : null, Text.Words(row.Status ?? ""));
            Compare("Implemented by", old is null ? null : string.Join(", ", old.ImplementedBy), string.Join(", ", row.ImplementedBy));
            Compare("Notes", old?.Notes, row.Notes);
        }

        return changes;
    }

    public static string Applicability(bool? applicable) => applicable switch { true => "Applicable", false => "Not applicable", _ => "Not decided" };

    private async Task<IReadOnlyList<SoaRow>?> Rows(int? number, CancellationToken ct)
    {
        if (number is null)
        {
            return (await get.Handle(ct)).Lines.Select(l => l.Row).ToList();
        }

        var version = await db.Set<SoaVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, ct);
        return version?.Rows;
    }
}

/// <summary>One decision for many rows at once — the chosen ones, or every row not decided yet — checked as a whole, saved in one transaction.</summary>
public sealed class BulkDecideSoa(OpenIsmsDbContext db)
{
    public sealed record Command(IReadOnlyCollection<string> Codes, bool AllUndecided, SoaEntry.Decision Decision);

    public async Task<Result<int>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.ControlsEdit))
        {
            return Result<int>.From(Result.Forbidden());
        }

        if (c.Decision.Applicable is null)
        {
            return Result<int>.From(Result.Invalid(new FieldError("Bulk", "Choose what to record for the rows.")));
        }

        var requirements = await db.SoaControls().Select(r => new { r.Id, r.Code }).ToListAsync(ct);
        var entries = await db.Set<SoaEntry>().ToDictionaryAsync(e => e.RequirementId, ct);
        var treated = (await db.Set<RiskControl>().Select(x => x.RequirementId).Distinct().ToListAsync(ct)).ToHashSet();
        var chosen = c.AllUndecided
            ? requirements.Where(r => !entries.TryGetValue(r.Id, out var e) || e.Applicable is null).ToList()
            : requirements.Where(r => c.Codes.Contains(r.Code)).ToList();
        if (chosen.Count == 0)
        {
            return Result<int>.From(Result.Invalid(new FieldError("Bulk", c.AllUndecided ? "Every row is decided already." : "Tick the rows to apply it to.")));
        }

        foreach (var requirement in chosen)
        {
            if (!entries.TryGetValue(requirement.Id, out var entry))
            {
                entry = new SoaEntry { RequirementId = requirement.Id };
                db.Add(entry);
            }

            var result = entry.Decide(c.Decision with { StatusOverride = entry.StatusOverride, OverrideReason = entry.OverrideReason, Notes = entry.Notes }, treated.Contains(requirement.Id));
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Result<int>.From(Result.Invalid(result.Errors.Select(e => new FieldError("Bulk", $"{requirement.Code}: {e.Message}")).ToList()));
            }
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? chosen.Count : Result<int>.From(saved);
    }
}
