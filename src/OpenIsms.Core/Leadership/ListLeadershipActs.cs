using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.People;
using OpenIsms.Core.Responsibilities;
using OpenIsms.Core.Reviews;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Scope;
using OpenIsms.Core.Soa;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Leadership;

/// <summary>A decision recorded elsewhere in OpenIsms that shows leadership at work (clause 5.1).</summary>
public enum LeadershipActKind
{
    ScopeApproved,
    MethodologyApproved,
    SoaApproved,
    DocumentApproved,
    DocumentRejected,
    RiskAccepted,

    /// <summary>Management's approval of a risk accepted above the acceptance threshold.</summary>
    AcceptanceApproved,

    /// <summary>Chaired a management review that was concluded (dated when its pack was frozen at the meeting).</summary>
    ReviewChaired,
}

/// <summary>The leadership acts' filter, as the page's URL carries it (<c>?kind=SoaApproved&amp;top=true&amp;from=2026-01-01</c>).</summary>
public sealed record LeadershipFilter
{
    public LeadershipActKind? Kind { get; init; }

    /// <summary>The account that acted.</summary>
    public string? UserId { get; init; }

    /// <summary>Only acts of people who hold a top-management role today.</summary>
    public bool TopManagement { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static LeadershipFilter Parse(Func<string, string?> get) => new()
    {
        Kind = Enum<LeadershipActKind>(get("kind")),
        UserId = Text.OrNull(get("user")),
        TopManagement = True(get("top")),
        From = Date(get("from")),
        To = Date(get("to")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([
        ("kind", Kind?.ToString()), ("user", UserId), ("top", TopManagement ? "true" : null), ("from", Date(From)), ("to", Date(To)), .. Paging(Page, PageSize)]);
}

/// <summary>
/// Leadership's own acts as evidence of clause 5.1, read from the records that already hold them — scope, risk methodology
/// and SoA approvals, decisions on documents, risk acceptances and management's approval of them — merged, filtered,
/// ordered and paged in one SQL query (UNION ALL). Nothing is copied: each row links to the record it comes from.
/// </summary>
public sealed class ListLeadershipActs(OpenIsmsDbContext db)
{
    /// <summary>One act. <see cref="Number"/> and <see cref="Minor"/> number a version; <see cref="ParentId"/> is a version's document.</summary>
    public sealed class Row
    {
        public LeadershipActKind Kind { get; init; }

        public DateTime At { get; init; }

        public string? ActorId { get; init; }

        public string? Actor { get; set; }

        public string? Subject { get; init; }

        public string? Reference { get; init; }

        public int? Number { get; init; }

        public int? Minor { get; init; }

        public Guid? TargetId { get; init; }

        public Guid? ParentId { get; init; }

        public bool ByTopManagement { get; set; }
    }

    public sealed record Result
    {
        public required Page<Row> Acts { get; init; }

        /// <summary>People who may be chosen in the filter: every account that has acted.</summary>
        public required IReadOnlyList<Choice> Actors { get; init; }

        /// <summary>Whether anyone holds a top-management role today (the filter means nothing otherwise).</summary>
        public required bool TopManagementNamed { get; init; }
    }

    private static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly DateTime Latest = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<Result> Handle(LeadershipFilter filter, CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var topIds = await TopManagementUserIds(today, ct);
        var zone = await db.Clock.Zone(ct);
        DateTime? start = filter.From is { } from ? TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone) : null;
        DateTime? end = filter.To is { } to ? TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null;
        var acts = All(start ?? Earliest, end ?? Latest);
        if (filter.Kind is { } kind)
        {
            acts = acts.Where(a => a.Kind == kind);
        }

        if (filter.UserId is { } user)
        {
            acts = acts.Where(a => a.ActorId == user);
        }

        if (filter.TopManagement)
        {
            acts = acts.Where(a => topIds.Contains(a.ActorId!));
        }

        var size = PageSizes.Normalise(filter.PageSize);
        var page = PageSizes.NormalisePage(filter.Page);
        var total = await acts.CountAsync(ct);
        var rows = await acts.OrderByDescending(a => a.At).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var names = await Names(rows.Where(r => r.Actor is null).Select(r => r.ActorId).OfType<string>().Distinct().ToList(), ct);
        foreach (var row in rows)
        {
            row.ByTopManagement = row.ActorId is { } id && topIds.Contains(id);
            row.Actor ??= row.ActorId is { } actor ? names.GetValueOrDefault(actor) : null; // a document's approver is named by account
        }

        var actorIds = await All(Earliest, Latest).Where(a => a.ActorId != null).Select(a => a.ActorId!).Distinct().ToListAsync(ct);
        var actors = await db.Set<AppUser>().AsNoTracking().Where(u => actorIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName, null)).ToListAsync(ct);
        return new Result
        {
            Acts = new Page<Row>(rows, page, size, total),
            Actors = actors,
            TopManagementNamed = topIds.Count > 0,
        };
    }

    /// <summary>The accounts of the people who hold a role marked "top management" today.</summary>
    public async Task<List<string>> TopManagementUserIds(DateOnly today, CancellationToken ct) =>
        await db.Set<Person>().Where(p => p.UserId != null && db.Set<RoleAssignment>().Any(a => a.PersonId == p.Id && a.From <= today && (a.Until == null || a.Until >= today)
                && db.Set<IsmsRole>().Any(r => r.Id == a.RoleId && r.TopManagement)))
            .Select(p => p.UserId!).Distinct().ToListAsync(ct);

    /// <summary>Every act within [start, end), each source filtered on its own date column before the union.</summary>
    private IQueryable<Row> All(DateTime start, DateTime end)
    {
        var scope = db.Set<ScopeRevision>().Where(s => s.ApprovedAt >= start && s.ApprovedAt < end).Select(s => new Row
        {
            Kind = LeadershipActKind.ScopeApproved, At = s.ApprovedAt!.Value, ActorId = s.ApprovedById, Actor = s.ApprovedByName, Subject = s.ChangeNote,
            Reference = null, Number = s.Number, Minor = null, TargetId = null, ParentId = null,
        });
        var methodology = db.Set<RiskMethodology>().Where(m => m.ApprovedAt >= start && m.ApprovedAt < end).Select(m => new Row
        {
            Kind = LeadershipActKind.MethodologyApproved, At = m.ApprovedAt!.Value, ActorId = m.ApprovedById, Actor = m.ApprovedByName, Subject = m.Name,
            Reference = null, Number = m.Number, Minor = null, TargetId = null, ParentId = null,
        });
        var soa = db.Set<SoaVersion>().Where(v => v.ApprovedAt >= start && v.ApprovedAt < end).Select(v => new Row
        {
            Kind = LeadershipActKind.SoaApproved, At = v.ApprovedAt, ActorId = v.ApprovedById, Actor = v.ApprovedByName, Subject = v.Note,
            Reference = null, Number = v.Number, Minor = null, TargetId = null, ParentId = null,
        });
        var documents = db.Set<DocumentApproval>().Where(a => a.DecidedAt >= start && a.DecidedAt < end && a.Decision != ApprovalDecision.Pending).Select(a => new Row
        {
            Kind = a.Decision == ApprovalDecision.Approved ? LeadershipActKind.DocumentApproved : LeadershipActKind.DocumentRejected,
            At = a.DecidedAt!.Value, ActorId = a.ApproverId, Actor = null,
            Subject = db.Set<ControlledDocument>().Where(d => d.Id == a.DocumentId).Select(d => d.Title).FirstOrDefault(),
            Reference = db.Set<ControlledDocument>().Where(d => d.Id == a.DocumentId).Select(d => d.Reference).FirstOrDefault(),
            Number = db.Set<DocumentVersion>().Where(v => v.Id == a.VersionId).Select(v => (int?)v.Major).FirstOrDefault(),
            Minor = db.Set<DocumentVersion>().Where(v => v.Id == a.VersionId).Select(v => (int?)v.Minor).FirstOrDefault(),
            TargetId = a.VersionId, ParentId = a.DocumentId,
        });
        var accepted = db.Set<RiskAcceptance>().Where(a => a.AcceptedAt >= start && a.AcceptedAt < end).Select(a => new Row
        {
            Kind = LeadershipActKind.RiskAccepted, At = a.AcceptedAt, ActorId = a.AcceptedById, Actor = a.AcceptedByName,
            Subject = db.Set<Risk>().Where(r => r.Id == a.RiskId).Select(r => r.Title).FirstOrDefault(),
            Reference = db.Set<Risk>().Where(r => r.Id == a.RiskId).Select(r => r.Reference).FirstOrDefault(),
            Number = null, Minor = null, TargetId = a.RiskId, ParentId = null,
        });
        var approved = db.Set<RiskAcceptance>().Where(a => a.ManagementApprovedAt >= start && a.ManagementApprovedAt < end).Select(a => new Row
        {
            Kind = LeadershipActKind.AcceptanceApproved, At = a.ManagementApprovedAt!.Value, ActorId = a.ManagementApprovedById, Actor = a.ManagementApprovedByName,
            Subject = db.Set<Risk>().Where(r => r.Id == a.RiskId).Select(r => r.Title).FirstOrDefault(),
            Reference = db.Set<Risk>().Where(r => r.Id == a.RiskId).Select(r => r.Reference).FirstOrDefault(),
            Number = null, Minor = null, TargetId = a.RiskId, ParentId = null,
        });
        var reviews = db.Set<ManagementReview>().Where(r => r.State == ReviewState.Concluded && r.FrozenAt >= start && r.FrozenAt < end).Select(r => new Row
        {
            Kind = LeadershipActKind.ReviewChaired, At = r.FrozenAt!.Value, ActorId = r.ChairId, Actor = null, Subject = r.Title,
            Reference = r.Reference, Number = null, Minor = null, TargetId = r.Id, ParentId = null,
        });
        return scope.Concat(methodology).Concat(soa).Concat(documents).Concat(accepted).Concat(approved).Concat(reviews);
    }

    private async Task<Dictionary<string, string>> Names(List<string> ids, CancellationToken ct) =>
        await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
}
