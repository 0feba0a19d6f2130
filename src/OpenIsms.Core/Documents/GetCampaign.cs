using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Documents;

/// <summary>Which acknowledgements a campaign's page lists.</summary>
public enum AckShow
{
    All,
    Acknowledged,
    Pending,
}

/// <summary>The campaign page's filter and page as its URL carries them.</summary>
public sealed record AckFilter
{
    public string? Search { get; init; }

    public AckShow Show { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static AckFilter Parse(Func<string, string?> get) => new()
    {
        Search = Text.OrNull(get("q")),
        Show = Enum<AckShow>(get("show")) ?? AckShow.All,
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    public string ToQueryString() => Join([("q", Search), ("show", Show == AckShow.All ? null : Show.ToString()), .. Paging(Page, PageSize)]);
}

/// <summary>A campaign's progress — acknowledged, pending, overdue — and one page of its people, counted and paged in SQL.</summary>
public sealed class GetCampaign(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required Guid? PersonId { get; init; }

        public required string PersonName { get; init; }

        public required string? PersonEmail { get; init; }

        public required string? Department { get; init; }

        public required AcknowledgementState State { get; init; }

        public required DateTime? AcknowledgedAt { get; init; }

        public required string? Via { get; init; }

        public required string? ContentSha256 { get; init; }

        public required DateTime? LastSentAt { get; init; }

        public required int Reminders { get; init; }
    }

    public sealed record View
    {
        public required AckCampaign Campaign { get; init; }

        public required string DocumentReference { get; init; }

        public required string DocumentTitle { get; init; }

        public required int Total { get; init; }

        public required int Acknowledged { get; init; }

        public int Pending => Total - Acknowledged;

        /// <summary>Pending past the due date (all pending ones once the due day has ended, none before).</summary>
        public required int Overdue { get; init; }

        public required Page<Row> People { get; init; }
    }

    public IQueryable<Acknowledgement> Filter(Guid campaignId, AckFilter f)
    {
        var q = db.Set<Acknowledgement>().AsNoTracking().Where(a => a.CampaignId == campaignId);
        q = f.Show switch
        {
            AckShow.Acknowledged => q.Where(a => a.State == AcknowledgementState.Acknowledged),
            AckShow.Pending => q.Where(a => a.State == AcknowledgementState.Pending),
            _ => q,
        };
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var term = "%" + f.Search.Trim().ToLowerInvariant() + "%";
            q = q.Where(a => EF.Functions.Like(a.PersonName.ToLower(), term) || EF.Functions.Like(a.PersonEmail ?? "", term)
                || EF.Functions.Like((a.Department ?? "").ToLower(), term));
        }

        return q;
    }

    public async Task<View?> Handle(Guid campaignId, AckFilter f, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Read))
        {
            return null;
        }

        var campaign = await db.Set<AckCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return null;
        }

        var document = await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.Id == campaign.DocumentId).Select(d => new { d.Reference, d.Title }).FirstAsync(ct);
        var counts = await db.Set<Acknowledgement>().Where(a => a.CampaignId == campaignId).GroupBy(a => a.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = counts.Sum(c => c.Count);
        var acknowledged = counts.Where(c => c.State == AcknowledgementState.Acknowledged).Sum(c => c.Count);
        var today = await db.Clock.Today(ct);
        var q = Filter(campaignId, f);
        var size = PageSizes.Normalise(f.PageSize);
        var page = PageSizes.NormalisePage(f.Page);
        var filtered = await q.CountAsync(ct);
        var rows = await q.OrderBy(a => a.PersonName).ThenBy(a => a.Id).Skip((page - 1) * size).Take(size).Select(a => new Row
        {
            Id = a.Id, PersonId = a.PersonId, PersonName = a.PersonName, PersonEmail = a.PersonEmail, Department = a.Department, State = a.State,
            AcknowledgedAt = a.AcknowledgedAt, Via = a.Via, ContentSha256 = a.ContentSha256, LastSentAt = a.LastSentAt, Reminders = a.Reminders,
        }).ToListAsync(ct);
        return new View
        {
            Campaign = campaign,
            DocumentReference = document.Reference,
            DocumentTitle = document.Title,
            Total = total,
            Acknowledged = acknowledged,
            Overdue = campaign.DueDate < today ? total - acknowledged : 0,
            People = new Page<Row>(rows, page, size, filtered),
        };
    }
}

/// <summary>
/// Who acknowledged which version when — the record an auditor samples for clauses 5.2 c and 7.3 — for one campaign or
/// for every campaign of a document, streamed row by row.
/// </summary>
public sealed class ExportAcknowledgements(OpenIsmsDbContext db)
{
    public static readonly IReadOnlyList<string> Header =
        ["Document", "Title", "Version", "Campaign started", "Due", "Person", "E-mail", "Department", "Status", "Acknowledged at (UTC)", "Via", "Content SHA-256"];

    public IAsyncEnumerable<object?[]> Handle(Guid? campaignId, Guid? documentId)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Read))
        {
            return AsyncEnumerable.Empty<object?[]>();
        }

        return (from a in db.Set<Acknowledgement>().AsNoTracking()
                where (campaignId == null || a.CampaignId == campaignId) && (documentId == null || a.DocumentId == documentId)
                join c in db.Set<AckCampaign>() on a.CampaignId equals c.Id
                join d in db.Set<ControlledDocument>() on a.DocumentId equals d.Id
                orderby c.CreatedAt, a.PersonName, a.Id
                select new object?[]
                {
                    d.Reference, d.Title, a.VersionLabel, c.CreatedAt, c.DueDate, a.PersonName, a.PersonEmail, a.Department,
                    a.State == AcknowledgementState.Acknowledged ? "Acknowledged" : "Pending", a.AcknowledgedAt, a.Via, a.ContentSha256,
                }).AsAsyncEnumerable();
    }
}
