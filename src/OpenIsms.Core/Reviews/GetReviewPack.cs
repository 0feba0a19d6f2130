using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Audits;
using OpenIsms.Core.Communications;
using OpenIsms.Core.Context;
using OpenIsms.Core.Data;
using OpenIsms.Core.Improvements;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Core.Objectives;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Reviews;

/// <summary>A record a pack input points at: its kind (for the page to link it), its id and a line of text.</summary>
public sealed record PackItem(string Kind, Guid Id, string Text);

/// <summary>One input of clause 9.3.2, summarised with figures, with the records behind it.</summary>
public sealed record PackInput
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required IReadOnlyList<PackItem> Items { get; init; }
}

/// <summary>The input pack of a management review: what changed and how the ISMS performed since the last one.</summary>
public sealed record ReviewPack
{
    public required DateOnly Since { get; init; }

    public required DateOnly Until { get; init; }

    public required IReadOnlyList<PackInput> Inputs { get; init; }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReviewPack FromJson(string json) => JsonSerializer.Deserialize<ReviewPack>(json, Json)!;

    public static string Sha256(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

/// <summary>
/// Compiles a management review's input pack from the live records (clause 9.3.2 a–g): the previous reviews' actions; the
/// context issues and interested parties' requirements added or changed since the last review; nonconformities and
/// corrective actions; metrics against target; audits reported; objectives; feedback from outside; risks and the
/// treatment plan; opportunities for improvement. A frozen review shows its frozen pack instead.
/// </summary>
public sealed class GetReviewPack(OpenIsmsDbContext db)
{
    private const int Listed = 20;

    public async Task<ReviewPack> Handle(Guid reviewId, CancellationToken ct = default)
    {
        var review = await db.Set<ManagementReview>().AsNoTracking().Where(r => r.Id == reviewId).Select(r => new { r.ScheduledOn, r.CreatedAt }).FirstAsync(ct);
        var previous = await db.Set<ManagementReview>().Where(r => r.Id != reviewId && r.State == ReviewState.Concluded && r.ScheduledOn <= review.ScheduledOn)
            .OrderByDescending(r => r.ScheduledOn).Select(r => (DateOnly?)r.ScheduledOn).FirstOrDefaultAsync(ct);
        var since = previous ?? DateOnly.FromDateTime(await db.Set<Organisation>().OrderBy(o => o.CreatedAt).Select(o => o.CreatedAt).FirstOrDefaultAsync(ct));
        var today = await db.Clock.Today(ct);
        var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new ReviewPack
        {
            Since = since,
            Until = today,
            Inputs =
            [
                await PreviousActions(reviewId, today, ct),
                await Issues(from, ct),
                await Parties(from, ct),
                await Nonconformities(since, today, ct),
                await Measurements(ct),
                await Audits(since, ct),
                await Objectives(today, ct),
                await Feedback(since, ct),
                await RiskAndTreatment(today, ct),
                await Improvement(since, ct),
            ],
        };
    }

    private async Task<PackInput> PreviousActions(Guid reviewId, DateOnly today, CancellationToken ct)
    {
        var actions = db.Set<ReviewAction>().AsNoTracking().Where(a => a.ReviewId != reviewId);
        var counts = await actions.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await actions.CountAsync(a => a.Status == ReviewActionStatus.Open && a.DueOn < today, ct);
        var open = await actions.Where(a => a.Status == ReviewActionStatus.Open).OrderBy(a => a.DueOn).Take(Listed)
            .Select(a => new { a.ReviewId, a.Title, a.DueOn }).ToListAsync(ct);
        return new()
        {
            Code = "a", Title = "Status of actions from previous management reviews",
            Summary = $"{Count(counts.Where(c => c.Key == ReviewActionStatus.Done).Sum(c => c.Count), "action")} done, {counts.Where(c => c.Key == ReviewActionStatus.Open).Sum(c => c.Count)} open ({overdue} overdue), {counts.Where(c => c.Key == ReviewActionStatus.Cancelled).Sum(c => c.Count)} cancelled.",
            Items = [.. open.Select(a => new PackItem("ManagementReview", a.ReviewId, $"Open: {a.Title} (due {a.DueOn:d MMM yyyy})"))],
        };
    }

    private async Task<PackInput> Issues(DateTime from, CancellationToken ct)
    {
        var changed = db.Set<ContextIssue>().AsNoTracking().Where(i => i.UpdatedAt >= from);
        var added = await changed.CountAsync(i => i.CreatedAt >= from, ct);
        var total = await changed.CountAsync(ct);
        var removed = await db.Set<Data.Log.ActivityEntry>().CountAsync(e => e.EntityType == "ContextIssue" && e.Action == Data.Log.ActivityActions.Deleted && e.At >= from, ct);
        var list = await changed.OrderByDescending(i => i.UpdatedAt).Take(Listed).Select(i => new { i.Id, i.Title, i.Origin, New = i.CreatedAt >= from }).ToListAsync(ct);
        return new()
        {
            Code = "b", Title = "Changes in external and internal issues",
            Summary = $"{added} new, {total - added} changed and {removed} removed since the last review.",
            Items = [.. list.Select(i => new PackItem("ContextIssue", i.Id, $"{(i.New ? "New" : "Changed")} {i.Origin.ToString().ToLowerInvariant()} issue: {i.Title}"))],
        };
    }

    private async Task<PackInput> Parties(DateTime from, CancellationToken ct)
    {
        var changed = db.Set<PartyRequirement>().AsNoTracking().Where(r => r.UpdatedAt >= from);
        var added = await changed.CountAsync(r => r.CreatedAt >= from, ct);
        var total = await changed.CountAsync(ct);
        var newParties = await db.Set<InterestedParty>().CountAsync(p => p.CreatedAt >= from, ct);
        var list = await changed.OrderByDescending(r => r.UpdatedAt).Take(Listed)
            .Join(db.Set<InterestedParty>(), r => r.PartyId, p => p.Id, (r, p) => new { p.Id, p.Name, r.Description, New = r.CreatedAt >= from }).ToListAsync(ct);
        return new()
        {
            Code = "c", Title = "Changes in the needs and expectations of interested parties",
            Summary = $"{Count(newParties, "new interested party", "new interested parties")}; {added} new and {total - added} changed requirements since the last review.",
            Items = [.. list.Select(r => new PackItem("InterestedParty", r.Id, $"{r.Name}: {(r.New ? "new" : "changed")} — {Short(r.Description)}"))],
        };
    }

    private async Task<PackInput> Nonconformities(DateOnly since, DateOnly today, CancellationToken ct)
    {
        var ncs = db.Set<Nonconformity>().AsNoTracking();
        var raised = await ncs.CountAsync(n => n.RaisedOn >= since, ct);
        var closed = await ncs.CountAsync(n => n.ClosedOn >= since, ct);
        var open = await ncs.CountAsync(n => n.State != NonconformityState.Closed, ct);
        var major = await ncs.CountAsync(n => n.State != NonconformityState.Closed && n.Severity == NonconformitySeverity.Major, ct);
        var recurring = await ncs.CountAsync(n => n.RaisedOn >= since && n.RecurrenceOfId != null, ct);
        var overdue = await db.Set<CorrectiveAction>().CountAsync(a => a.Status == CorrectiveActionStatus.Open && a.DueOn < today, ct);
        var list = await ncs.Where(n => n.RaisedOn >= since || n.State != NonconformityState.Closed).OrderByDescending(n => n.Severity == NonconformitySeverity.Major)
            .ThenByDescending(n => n.RaisedOn).ThenByDescending(n => n.CreatedAt).Take(Listed).Select(n => new { n.Id, n.Reference, n.Title, n.Severity, n.State }).ToListAsync(ct);
        return new()
        {
            Code = "d.1", Title = "Nonconformities and corrective actions",
            Summary = $"{raised} raised and {closed} closed since the last review ({recurring} recurrences); {open} open, {major} of them major; {Count(overdue, "corrective action")} overdue.",
            Items = [.. list.Select(n => new PackItem("Nonconformity", n.Id, $"{n.Reference} {n.Title} — {n.Severity.ToString().ToLowerInvariant()}, {Common.Text.Words(n.State.ToString()).ToLowerInvariant()}"))],
        };
    }

    private async Task<PackInput> Measurements(CancellationToken ct)
    {
        var metrics = await db.Set<Metric>().AsNoTracking().Where(m => m.RetiredOn == null).Select(m => new
        {
            m.Id, m.Name, m.Direction, m.Target, m.Threshold, m.Unit,
            Latest = db.Set<Measurement>().Where(v => v.MetricId == m.Id && !db.Set<Measurement>().Any(c => c.SupersedesId == v.Id))
                .OrderByDescending(v => v.TakenOn).ThenByDescending(v => v.CreatedAt).Select(v => (decimal?)v.Value).FirstOrDefault(),
        }).ToListAsync(ct);
        var standings = metrics.Select(m => (m.Name, m.Id, m.Latest, m.Unit, Standing: m.Latest is { } v ? Metric.StandingOf(v, m.Direction, m.Target, m.Threshold) : (Standing?)null)).ToList();
        return new()
        {
            Code = "d.2", Title = "Monitoring and measurement results",
            Summary = $"{Count(metrics.Count, "metric")}: {standings.Count(s => s.Standing == Standing.OnTarget)} on target, {standings.Count(s => s.Standing == Standing.Warning)} near it, {standings.Count(s => s.Standing == Standing.OffTarget)} off target, {standings.Count(s => s.Standing is null)} with no value yet.",
            Items = [.. standings.OrderByDescending(s => s.Standing).Take(Listed).Select(s => new PackItem("Metric", s.Id,
                $"{s.Name}: {(s.Latest is { } v ? $"{v:0.##}{(s.Unit is null ? "" : " " + s.Unit)}, {Common.Text.Words(s.Standing.ToString()!).ToLowerInvariant()}" : "no value yet")}"))],
        };
    }

    private async Task<PackInput> Audits(DateOnly since, CancellationToken ct)
    {
        var reported = db.Set<Audit>().AsNoTracking().Where(a => a.ReportedOn >= since);
        var results = await db.Set<AuditItem>().Where(i => reported.Any(a => a.Id == i.AuditId) && i.Result != null)
            .GroupBy(i => i.Result).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(AuditResult r) => results.Where(x => x.Key == r).Sum(x => x.Count);
        var list = await reported.OrderByDescending(a => a.ReportedOn).Take(Listed).Select(a => new { a.Id, a.Reference, a.Title, a.ReportedOn }).ToListAsync(ct);
        var planned = await db.Set<Audit>().CountAsync(a => a.State == AuditState.Planned || a.State == AuditState.InProgress, ct);
        return new()
        {
            Code = "d.3", Title = "Audit results",
            Summary = $"{Count(list.Count, "audit")} reported since the last review: {Of(AuditResult.MajorNonconformity)} major and {Of(AuditResult.MinorNonconformity)} minor nonconformities, {Of(AuditResult.Observation)} observations, {Of(AuditResult.OpportunityForImprovement)} opportunities for improvement, {Of(AuditResult.Conforming)} items conforming. {planned} planned or in progress.",
            Items = [.. list.Select(a => new PackItem("Audit", a.Id, $"{a.Reference} {a.Title}, reported {a.ReportedOn:d MMM yyyy}"))],
        };
    }

    private async Task<PackInput> Objectives(DateOnly today, CancellationToken ct)
    {
        var objectives = await db.Set<Objective>().AsNoTracking().Where(o => o.Status != ObjectiveStatus.Cancelled)
            .Select(o => new { o.Id, o.Title, o.Status, o.DueOn }).ToListAsync(ct);
        var late = objectives.Count(o => o.Status is ObjectiveStatus.Planned or ObjectiveStatus.InProgress && o.DueOn < today);
        return new()
        {
            Code = "d.4", Title = "Fulfilment of information security objectives",
            Summary = $"{Count(objectives.Count, "objective")}: {objectives.Count(o => o.Status == ObjectiveStatus.Achieved)} achieved, {objectives.Count(o => o.Status == ObjectiveStatus.NotAchieved)} not achieved, {objectives.Count(o => o.Status is ObjectiveStatus.Planned or ObjectiveStatus.InProgress)} under way ({late} past their date).",
            Items = [.. objectives.OrderBy(o => o.DueOn).Take(Listed).Select(o => new PackItem("Objective", o.Id, $"{o.Title} — {Common.Text.Words(o.Status.ToString()).ToLowerInvariant()}, due {o.DueOn:d MMM yyyy}"))],
        };
    }

    private async Task<PackInput> Feedback(DateOnly since, CancellationToken ct)
    {
        var outside = new[] { NonconformitySource.Complaint, NonconformitySource.ExternalAudit };
        var ncs = await db.Set<Nonconformity>().AsNoTracking().Where(n => n.RaisedOn >= since && outside.Contains(n.Source)).OrderByDescending(n => n.RaisedOn).Take(Listed)
            .Select(n => new { n.Id, n.Reference, n.Title, n.Source }).ToListAsync(ct);
        var suggestions = await db.Set<Improvement>().AsNoTracking().Where(i => i.RaisedOn >= since && (i.Source == ImprovementSource.ExternalAudit || i.Source == ImprovementSource.Suggestion))
            .OrderByDescending(i => i.RaisedOn).Take(Listed).Select(i => new { i.Id, i.Reference, i.Title }).ToListAsync(ct);
        var external = await db.Set<CommunicationRecord>().CountAsync(r => r.HappenedOn >= since
            && db.Set<CommunicationItem>().Any(c => c.Id == r.ItemId && c.Reach == CommunicationReach.External), ct);
        return new()
        {
            Code = "e", Title = "Feedback from interested parties",
            Summary = $"{ncs.Count(n => n.Source == NonconformitySource.Complaint)} complaints and {ncs.Count(n => n.Source == NonconformitySource.ExternalAudit)} external audit findings raised as nonconformities; {Count(suggestions.Count, "suggestion")} recorded; {Count(external, "communication")} made to parties outside.",
            Items = [.. ncs.Select(n => new PackItem("Nonconformity", n.Id, $"{n.Reference} {n.Title} ({Common.Text.Words(n.Source.ToString()).ToLowerInvariant()})")),
                .. suggestions.Select(i => new PackItem("Improvement", i.Id, $"{i.Reference} {i.Title}"))],
        };
    }

    private async Task<PackInput> RiskAndTreatment(DateOnly today, CancellationToken ct)
    {
        var thresholds = (await db.Set<RiskMethodology>().Select(m => new { m.Id, m.DefinitionJson }).ToListAsync(ct))
            .ToDictionary(m => m.Id, m => MethodologyDefinition.FromJson(m.DefinitionJson));
        // Counted in SQL by methodology and level (a few rows), then the listed ones fetched: 10,000 risks are never loaded.
        var levels = await db.Set<Risk>().GroupBy(r => new { r.MethodologyId, Level = r.ResidualLevel ?? r.InherentLevel })
            .Select(g => new { g.Key.MethodologyId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var total = levels.Sum(l => l.Count);
        var aboveCount = levels.Where(l => l.MethodologyId is { } m && l.Level is { } level && thresholds.TryGetValue(m, out var d) && !d.IsAcceptable(level)).Sum(l => l.Count);
        var pastReview = await db.Set<Risk>().CountAsync(r => r.NextReview < today, ct);
        var above = new List<PackItem>();
        foreach (var (methodology, definition) in thresholds)
        {
            var threshold = definition.AcceptanceThreshold;
            above.AddRange(await db.Set<Risk>().AsNoTracking().Where(r => r.MethodologyId == methodology && (r.ResidualLevel ?? r.InherentLevel) > threshold)
                .OrderByDescending(r => r.ResidualLevel ?? r.InherentLevel).ThenBy(r => r.Reference).Take(Listed)
                .Select(r => new PackItem("Risk", r.Id, r.Reference + " " + r.Title + " — above the threshold")).ToListAsync(ct));
        }

        var actions = await db.Set<TreatmentAction>().AsNoTracking().GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var overdue = await db.Set<TreatmentAction>().CountAsync(a => (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) && a.Due < today, ct);
        return new()
        {
            Code = "f", Title = "Results of risk assessment and status of the risk treatment plan",
            Summary = $"{Count(total, "risk")}, {aboveCount} above the acceptance threshold, {pastReview} past their review date. Treatment plan: {actions.Where(a => a.Key is ActionStatus.Planned or ActionStatus.InProgress).Sum(a => a.Count)} actions open ({overdue} overdue), {actions.Where(a => a.Key == ActionStatus.Done).Sum(a => a.Count)} done.",
            Items = [.. above.Take(Listed)],
        };
    }

    private async Task<PackInput> Improvement(DateOnly since, CancellationToken ct)
    {
        var open = db.Set<Improvement>().AsNoTracking().Where(i => i.Status != ImprovementStatus.Done && i.Status != ImprovementStatus.Rejected);
        var done = await db.Set<Improvement>().CountAsync(i => i.Status == ImprovementStatus.Done && i.FinishedOn >= since, ct);
        var ofi = await db.Set<AuditItem>().CountAsync(i => i.Result == AuditResult.OpportunityForImprovement
            && db.Set<Audit>().Any(a => a.Id == i.AuditId && a.ReportedOn >= since), ct);
        var list = await open.OrderByDescending(i => i.RaisedOn).Take(Listed).Select(i => new { i.Id, i.Reference, i.Title, i.Status }).ToListAsync(ct);
        return new()
        {
            Code = "g", Title = "Opportunities for continual improvement",
            Summary = $"{await open.CountAsync(ct)} open on the improvement register, {done} done since the last review; audits since then noted {Count(ofi, "opportunity", "opportunities")} for improvement.",
            Items = [.. list.Select(i => new PackItem("Improvement", i.Id, $"{i.Reference} {i.Title} — {Common.Text.Words(i.Status.ToString()).ToLowerInvariant()}"))],
        };
    }

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";

    private static string Short(string text) => text.Length <= 120 ? text : text[..119] + "…";
}
