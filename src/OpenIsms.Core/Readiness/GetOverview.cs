using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Context;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Scope;

namespace OpenIsms.Core.Readiness;

/// <summary>Where the ISMS stands on the work this installation supports so far: what is done, what is missing.</summary>
public sealed class GetOverview(OpenIsmsDbContext db)
{
    public sealed record Overview(
        int? ScopeVersion,
        ScopeStatus? ScopeStatus,
        string? ScopeApprovedBy,
        DateTime? ScopeApprovedAt,
        ClimateRelevance ClimateChange,
        int InScopeItems,
        int Exclusions,
        int InternalIssues,
        int ExternalIssues,
        int Parties,
        int Requirements,
        int UnaddressedRequirements,
        int Controls);

    public async Task<Overview> Handle(CancellationToken ct = default)
    {
        var scope = await db.Set<ScopeRevision>().AsNoTracking().OrderByDescending(r => r.Number)
            .Select(r => new { r.Id, r.Number, r.Status, r.ApprovedByName, r.ApprovedAt, r.ClimateChange }).FirstOrDefaultAsync(ct);
        var items = scope is null ? [] : await db.Set<ScopeItem>().AsNoTracking().Where(i => i.RevisionId == scope.Id)
            .GroupBy(i => i.InScope).Select(g => new { InScope = g.Key, Count = g.Count() }).ToListAsync(ct);
        var issues = await db.Set<ContextIssue>().AsNoTracking().GroupBy(i => i.Origin)
            .Select(g => new { Origin = g.Key, Count = g.Count() }).ToListAsync(ct);
        var requirements = await db.Set<PartyRequirement>().AsNoTracking().GroupBy(r => r.AddressedByIsms)
            .Select(g => new { Addressed = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new Overview(
            scope?.Number,
            scope?.Status,
            scope?.ApprovedByName,
            scope?.ApprovedAt,
            scope?.ClimateChange ?? ClimateRelevance.NotDetermined,
            items.Where(i => i.InScope).Sum(i => i.Count),
            items.Where(i => !i.InScope).Sum(i => i.Count),
            issues.Where(i => i.Origin == IssueOrigin.Internal).Sum(i => i.Count),
            issues.Where(i => i.Origin == IssueOrigin.External).Sum(i => i.Count),
            await db.Set<InterestedParty>().CountAsync(ct),
            requirements.Sum(r => r.Count),
            requirements.Where(r => !r.Addressed).Sum(r => r.Count),
            await db.SoaControls().CountAsync(ct));
    }
}
