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
public sealed class GetSoa(OpenIsmsDbContext db)
{
    public sealed record Line(Requirement Requirement, SoaEntry? Entry, SoaRow Row, IReadOnlyList<string> Warnings);

    public sealed record View(IReadOnlyList<Line> Lines, SoaVersion? Latest, IReadOnlyList<SoaVersion> Versions)
    {
        public int Warnings => Lines.Sum(l => l.Warnings.Count);
    }

    public async Task<View> Handle(CancellationToken ct = default)
    {
        var requirements = await db.Set<Requirement>().AsNoTracking().Where(r => r.Kind == RequirementKind.Control).OrderBy(r => r.SortOrder).ToListAsync(ct);
        var entries = await db.Set<SoaEntry>().AsNoTracking().ToDictionaryAsync(e => e.RequirementId, ct);
        var risks = (await (from x in db.Set<RiskControl>()
                            join r in db.Set<Risk>() on x.RiskId equals r.Id
                            where r.Status != RiskStatus.Closed
                            orderby r.Reference
                            select new { x.RequirementId, r.Reference }).ToListAsync(ct)).ToLookup(x => x.RequirementId, x => x.Reference);
        var controls = (await (from x in db.Set<ControlRequirement>()
                               join c in db.Set<Control>() on x.ControlId equals c.Id
                               orderby c.Reference
                               select new { x.RequirementId, c.Reference, c.Status }).ToListAsync(ct)).ToLookup(x => x.RequirementId);
        var versions = await db.Set<SoaVersion>().AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
        var lines = requirements.Select(r =>
        {
            entries.TryGetValue(r.Id, out var entry);
            var treated = risks[r.Id].ToList();
            var implementing = controls[r.Id].ToList();
            var derived = Derive(implementing.Select(c => c.Status).ToList());
            var status = entry?.StatusOverride ?? derived;
            var row = new SoaRow(r.Code, r.Title, r.Theme, entry?.Applicable, entry?.ReasonList.Select(x => x.ToString()).ToList() ?? [], treated,
                entry?.ExclusionJustification, Labels(status), entry?.OverrideReason, implementing.Select(c => c.Reference).ToList(), entry?.Notes);
            var warnings = new List<string>();
            if (entry?.Applicable is null)
            {
                warnings.Add(treated.Count > 0 ? $"Not decided yet, though {Count(treated)} plan on it." : "Not decided yet.");
            }
            else if (entry.Applicable == false && treated.Count > 0)
            {
                warnings.Add($"Excluded, but the treatment of {string.Join(", ", treated.Take(5))}{(treated.Count > 5 ? " …" : "")} depends on it.");
            }
            else if (entry.Applicable == true && implementing.Count == 0)
            {
                warnings.Add("Applicable, but none of your controls implements it.");
            }

            return new Line(r, entry, row, warnings);
        }).ToList();
        return new View(lines, versions.FirstOrDefault(), versions);
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

    private static string Count(List<string> risks) => risks.Count == 1 ? "1 risk" : $"{risks.Count} risks";
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

        var requirement = await db.Set<Requirement>().AsNoTracking().FirstOrDefaultAsync(r => r.Code == c.Code && r.Kind == RequirementKind.Control, ct);
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
            Number = number, ApprovedById = userId, ApprovedByName = db.CurrentUser.DisplayName, ApprovedAt = db.Clock.GetUtcNow().UtcDateTime,
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
            Compare("Reasons", old is null ? null : string.Join(", ", old.Reasons), string.Join(", ", row.Reasons));
            Compare("Risks treated", old is null ? null : string.Join(", ", old.TreatedRisks), string.Join(", ", row.TreatedRisks));
            Compare("Justification for exclusion", old?.ExclusionJustification, row.ExclusionJustification);
            Compare("Status", old?.Status, row.Status);
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

        var requirements = await db.Set<Requirement>().Where(r => r.Kind == RequirementKind.Control).Select(r => new { r.Id, r.Code }).ToListAsync(ct);
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
