using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Scope;
using OpenIsms.Core.Soa;

namespace OpenIsms.Core.Audits;

/// <summary>
/// The audit universe (clause 9.2.2): every clause 4–10 requirement, every control the Statement of Applicability marks
/// applicable, and the processes and locations the scope includes — each with a checklist prompt in the project's own
/// words and the people who own it (who may not audit it).
/// </summary>
public sealed class GetAuditUniverse(OpenIsmsDbContext db)
{
    public const string Framework = "iso27001-2022";

    public sealed record Item
    {
        public required AuditItemKind Kind { get; init; }

        public required string Code { get; init; }

        public required string Title { get; init; }

        public required string Prompt { get; init; }

        /// <summary>The catalogue entry, for a clause or a control.</summary>
        public Guid? RequirementId { get; init; }

        /// <summary>Who owns or operates it: an auditor may not audit their own work.</summary>
        public IReadOnlyList<string> OwnerIds { get; init; } = [];

        public string Key => Keys.Of(Kind, Code);
    }

    /// <summary>How an item is named in a form or an address: kind and code ("Control:A.8.13").</summary>
    public static class Keys
    {
        public static string Of(AuditItemKind kind, string code) => $"{kind}:{code}";

        public static (AuditItemKind Kind, string Code)? Parse(string? key) =>
            key?.Split(':', 2) is [var kind, var code] && Enum.TryParse<AuditItemKind>(kind, out var k) && code.Length > 0 ? (k, code) : null;
    }

    public async Task<IReadOnlyList<Item>> Handle(CancellationToken ct = default)
    {
        var catalogue = db.Catalogue(Framework);
        var clauses = await catalogue.Where(r => r.Kind == RequirementKind.Clause && !r.Withdrawn && !catalogue.Any(c => c.Kind == RequirementKind.Clause && c.ParentCode == r.Code))
            .OrderBy(r => r.SortOrder).Select(r => new { r.Id, r.Code, r.Title, r.Evidence }).ToListAsync(ct);
        var controls = await db.SoaControls().Where(r => db.Set<SoaEntry>().Any(e => e.RequirementId == r.Id && e.Applicable == true))
            .OrderBy(r => r.SortOrder).Select(r => new { r.Id, r.Code, r.Title, r.Evidence }).ToListAsync(ct);
        var owners = (await db.Set<ControlRequirement>().Join(db.Set<Control>(), l => l.ControlId, c => c.Id, (l, c) => new { l.RequirementId, c.OwnerId })
                .Where(x => x.OwnerId != null).Distinct().ToListAsync(ct))
            .GroupBy(x => x.RequirementId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.OwnerId!)]);
        var scope = await db.Set<ScopeRevision>().OrderByDescending(r => r.Number).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var places = scope is null ? [] : await db.Set<ScopeItem>()
            .Where(i => i.RevisionId == scope && i.InScope && (i.Kind == ScopeItemKind.Process || i.Kind == ScopeItemKind.Location))
            .OrderBy(i => i.Kind).ThenBy(i => i.Name).Select(i => new { i.Kind, i.Name }).ToListAsync(ct);
        return
        [
            .. clauses.Select(c => new Item { Kind = AuditItemKind.Clause, Code = c.Code, Title = c.Title, RequirementId = c.Id, Prompt = AuditPrompts.Clause(c.Code, c.Title, c.Evidence) }),
            .. controls.Select(c => new Item
            {
                Kind = AuditItemKind.Control, Code = c.Code, Title = c.Title, RequirementId = c.Id, Prompt = AuditPrompts.Control(c.Code, c.Title, c.Evidence),
                OwnerIds = owners.GetValueOrDefault(c.Id, []),
            }),
            .. places.DistinctBy(p => (p.Kind, p.Name)).Select(p => p.Kind == ScopeItemKind.Process
                ? new Item { Kind = AuditItemKind.Process, Code = p.Name, Title = p.Name, Prompt = AuditPrompts.Process(p.Name) }
                : new Item { Kind = AuditItemKind.Location, Code = p.Name, Title = p.Name, Prompt = AuditPrompts.Location(p.Name) }),
        ];
    }
}

/// <summary>What an auditor is asked to look at for each kind of item, written for this project.</summary>
public static class AuditPrompts
{
    public static string Clause(string code, string title, string evidence) =>
        Trim($"Clause {code}, {title}: ask for the documented information and the records that show it is done, and follow a sample through from start to finish.{LookFor(evidence)}");

    public static string Control(string code, string title, string evidence) =>
        Trim($"{code} {title}: is it implemented as the Statement of Applicability says, and did it operate over the period? Sample its evidence and talk to whoever runs it.{LookFor(evidence)}");

    public static string Process(string name) =>
        Trim($"The {name} process: walk through it with the people who run it, sample its records, and check that the policies and controls that apply to it are followed and its risks are known.");

    public static string Location(string name) =>
        Trim($"{name}: visit it or interview the people there; check the physical and environmental controls, clear desk and screen, visitors and equipment, as they apply there.");

    private static string LookFor(string evidence)
    {
        var lines = evidence.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3).ToList();
        return lines.Count == 0 ? "" : $" Look for: {string.Join("; ", lines.Select(l => l.TrimEnd('.')))}.";
    }

    private static string Trim(string prompt) => prompt.Length <= 2000 ? prompt : prompt[..1999] + "…";
}
