using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Audits;

/// <summary>Which rows of an audit's checklist are shown.</summary>
public enum ChecklistShow
{
    /// <summary>Items with no result yet.</summary>
    Open,

    /// <summary>Nonconformities, observations and opportunities for improvement.</summary>
    Findings,
}

/// <summary>One audit: its plan, team, the counts of its results, and one page of its checklist (filtered in SQL).</summary>
public sealed class GetAudit(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required AuditItemKind Kind { get; init; }

        public required string Code { get; init; }

        public required string Title { get; init; }

        public required AuditResult? Result { get; init; }

        public required string? Sampled { get; init; }

        public required int? SampleSize { get; init; }

        public required string? Notes { get; init; }

        public required Guid? NonconformityId { get; init; }

        public required string? NonconformityReference { get; init; }
    }

    public sealed record View
    {
        public required Audit Audit { get; init; }

        public required string? LeadAuditor { get; init; }

        public required IReadOnlyList<string> Team { get; init; }

        public required IReadOnlyDictionary<AuditResult, int> Results { get; init; }

        public required int Items { get; init; }

        public required int Open { get; init; }

        public required Page<Row> Checklist { get; init; }

        /// <summary>The current user is on the audit's team.</summary>
        public required bool OnTeam { get; init; }
    }

    public async Task<View?> Handle(Guid id, ChecklistShow? show = null, int page = 1, CancellationToken ct = default)
    {
        var audit = await db.Set<Audit>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is null)
        {
            return null;
        }

        var team = await db.Set<AuditAuditor>().Where(a => a.AuditId == id).Join(db.Set<AppUser>(), a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.DisplayName })
            .OrderBy(u => u.DisplayName).ToListAsync(ct);
        var counts = await db.Set<AuditItem>().Where(i => i.AuditId == id).GroupBy(i => i.Result).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var items = db.Set<AuditItem>().AsNoTracking().Where(i => i.AuditId == id);
        items = show switch
        {
            ChecklistShow.Open => items.Where(i => i.Result == null),
            ChecklistShow.Findings => items.Where(i => i.Result != null && i.Result != AuditResult.Conforming && i.Result != AuditResult.NotAudited),
            _ => items,
        };
        const int size = 50;
        page = PageSizes.NormalisePage(page);
        var total = await items.CountAsync(ct);
        var rows = await items.OrderBy(i => i.Position).Skip((page - 1) * size).Take(size).Select(i => new Row
        {
            Id = i.Id, Kind = i.Kind, Code = i.Code, Title = i.Title, Result = i.Result, Sampled = i.Sampled, SampleSize = i.SampleSize, Notes = i.Notes,
            NonconformityId = i.NonconformityId,
            NonconformityReference = db.Set<Nonconformity>().Where(n => n.Id == i.NonconformityId).Select(n => n.Reference).FirstOrDefault(),
        }).ToListAsync(ct);
        var me = db.CurrentUser.UserId;
        return new View
        {
            Audit = audit,
            LeadAuditor = team.FirstOrDefault(t => t.Id == audit.LeadAuditorId)?.DisplayName,
            Team = [.. team.Select(t => t.DisplayName)],
            Results = counts.Where(c => c.Key is not null).ToDictionary(c => c.Key!.Value, c => c.Count),
            Items = counts.Sum(c => c.Count),
            Open = counts.Where(c => c.Key is null).Sum(c => c.Count),
            Checklist = new Page<Row>(rows, page, size, total),
            OnTeam = me is not null && team.Any(t => t.Id == me),
        };
    }
}

/// <summary>One checklist item with its audit, for the page where its result is recorded.</summary>
public sealed class GetAuditItem(OpenIsmsDbContext db)
{
    public sealed record View(Audit Audit, AuditItem Item, string? Nonconformity, bool OnTeam);

    public async Task<View?> Handle(Guid auditId, Guid itemId, CancellationToken ct = default)
    {
        var item = await db.Set<AuditItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.AuditId == auditId, ct);
        if (item is null)
        {
            return null;
        }

        var me = db.CurrentUser.UserId ?? "";
        return new View(
            await db.Set<Audit>().AsNoTracking().FirstAsync(a => a.Id == auditId, ct), item,
            item.NonconformityId is null ? null : await db.Set<Nonconformity>().Where(n => n.Id == item.NonconformityId).Select(n => n.Reference).FirstOrDefaultAsync(ct),
            await db.Set<AuditAuditor>().AnyAsync(a => a.AuditId == auditId && a.UserId == me, ct));
    }
}

/// <summary>What the audit form offers: who may audit, and the audit universe to choose the scope from.</summary>
public sealed class GetAuditFormOptions(OpenIsmsDbContext db, GetAuditUniverse universe)
{
    public sealed record Options(IReadOnlyList<Choice> Auditors, IReadOnlyList<Choice> Universe, IReadOnlyList<Choice> NonconformityOwners);

    public async Task<Options> Handle(CancellationToken ct = default) => new(
        await Owners.Choices(db, AuditPermissions.Conduct, ct),
        [.. (await universe.Handle(ct)).Select(i => new Choice(i.Key, i.Kind is AuditItemKind.Clause or AuditItemKind.Control ? $"{i.Code} {i.Title}" : i.Title, Group(i.Kind)))],
        await Owners.Choices(db, NonconformityPermissions.Edit, ct));

    /// <summary>Who may answer for a nonconformity an auditor raises.</summary>
    public async Task<IReadOnlyList<Choice>> NonconformityOwners(CancellationToken ct = default) => await Owners.Choices(db, NonconformityPermissions.Edit, ct);

    private static string Group(AuditItemKind kind) => kind switch
    {
        AuditItemKind.Clause => "Clauses 4–10",
        AuditItemKind.Control => "Applicable controls",
        AuditItemKind.Process => "Processes in scope",
        _ => "Locations in scope",
    };
}
