using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.Nonconformities;

namespace OpenIsms.Core.Audits;

/// <summary>Everything an audit's report prints: the audit, its team, and every checklist item with its result and the nonconformity raised.</summary>
public sealed class GetAuditReport(OpenIsmsDbContext db)
{
    public sealed record Line
    {
        public required AuditItemKind Kind { get; init; }

        public required string Code { get; init; }

        public required string Title { get; init; }

        public required AuditResult? Result { get; init; }

        public required string? Sampled { get; init; }

        public required int? SampleSize { get; init; }

        public required string? Evidence { get; init; }

        public required string? Notes { get; init; }

        public required string? NotAuditedReason { get; init; }

        public required string? Nonconformity { get; init; }
    }

    public sealed record Report(Audit Audit, string? LeadAuditor, IReadOnlyList<string> Team, IReadOnlyList<Line> Lines);

    public async Task<Report?> Handle(Guid id, CancellationToken ct = default)
    {
        var audit = await db.Set<Audit>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (audit is null)
        {
            return null;
        }

        var team = await db.Set<AuditAuditor>().Where(a => a.AuditId == id).Join(db.Set<AppUser>(), a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.DisplayName })
            .OrderBy(u => u.DisplayName).ToListAsync(ct);
        var lines = await db.Set<AuditItem>().AsNoTracking().Where(i => i.AuditId == id).OrderBy(i => i.Position).Select(i => new Line
        {
            Kind = i.Kind, Code = i.Code, Title = i.Title, Result = i.Result, Sampled = i.Sampled, SampleSize = i.SampleSize, Evidence = i.Evidence, Notes = i.Notes,
            NotAuditedReason = i.NotAuditedReason,
            Nonconformity = db.Set<Nonconformity>().Where(n => n.Id == i.NonconformityId).Select(n => n.Reference).FirstOrDefault(),
        }).ToListAsync(ct);
        return new Report(audit, team.FirstOrDefault(t => t.Id == audit.LeadAuditorId)?.DisplayName, [.. team.Select(t => t.DisplayName)], lines);
    }
}
