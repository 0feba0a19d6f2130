using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Context;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Scope;

namespace OpenIsms.Core.Readiness;

/// <summary>Where the ISMS stands on the work this installation supports so far: what is done, what is missing.</summary>
public sealed class GetOverview(OpenIsmsDbContext db)
{
    public sealed record Overview
    {
        public required int? ScopeVersion { get; init; }

        public required ScopeStatus? ScopeStatus { get; init; }

        public required string? ScopeApprovedBy { get; init; }

        public required DateTime? ScopeApprovedAt { get; init; }

        public required ClimateRelevance ClimateChange { get; init; }

        public required int InScopeItems { get; init; }

        public required int Exclusions { get; init; }

        public required int InternalIssues { get; init; }

        public required int ExternalIssues { get; init; }

        public required int Parties { get; init; }

        public required int Requirements { get; init; }

        public required int UnaddressedRequirements { get; init; }

        public required int Controls { get; init; }
    }

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
        return new Overview
        {
            ScopeVersion = scope?.Number,
            ScopeStatus = scope?.Status,
            ScopeApprovedBy = scope?.ApprovedByName,
            ScopeApprovedAt = scope?.ApprovedAt,
            ClimateChange = scope?.ClimateChange ?? ClimateRelevance.NotDetermined,
            InScopeItems = items.Where(i => i.InScope).Sum(i => i.Count),
            Exclusions = items.Where(i => !i.InScope).Sum(i => i.Count),
            InternalIssues = issues.Where(i => i.Origin == IssueOrigin.Internal).Sum(i => i.Count),
            ExternalIssues = issues.Where(i => i.Origin == IssueOrigin.External).Sum(i => i.Count),
            Parties = await db.Set<InterestedParty>().CountAsync(ct),
            Requirements = requirements.Sum(r => r.Count),
            UnaddressedRequirements = requirements.Where(r => !r.Addressed).Sum(r => r.Count),
            Controls = await db.SoaControls().CountAsync(ct),
        };
    }
}
