using OpenIsms.Core.Common;
using OpenIsms.Core.Documents;
using OpenIsms.Web.Features.Documents;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>
/// /api/v1/documents and /api/v1/campaigns: the document register, its versions (content and file), approvals, reviews,
/// and acknowledgement campaigns, with the same use cases, permissions and rules as the pages.
/// </summary>
public sealed class DocumentsApi : IEndpointGroup
{
    public sealed record DocumentSummary
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required DocumentKind Kind { get; init; }

        public required DocumentStatus Status { get; init; }

        public required string Owner { get; init; }

        public required string? Classification { get; init; }

        public required string? CurrentVersion { get; init; }

        public required string? PendingVersion { get; init; }

        public required VersionState? PendingState { get; init; }

        public required DateOnly? NextReview { get; init; }

        public required bool ReviewOverdue { get; init; }
    }

    public sealed record VersionSummary
    {
        public required Guid Id { get; init; }

        public required string Label { get; init; }

        public required VersionState State { get; init; }

        public required string? ChangeSummary { get; init; }

        public required DateTime? ApprovedAt { get; init; }

        public required string? ContentSha256 { get; init; }
    }

    public sealed record DocumentDetail
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required DocumentKind Kind { get; init; }

        public required string? Purpose { get; init; }

        public required string OwnerId { get; init; }

        public required string Owner { get; init; }

        public required string? Classification { get; init; }

        public required string? Audience { get; init; }

        public required int ReviewIntervalMonths { get; init; }

        public required DateOnly? NextReview { get; init; }

        public required string? Clauses { get; init; }

        public required string? ExternalSource { get; init; }

        public required string? ExternalVersion { get; init; }

        public required DocumentStatus Status { get; init; }

        public required IReadOnlyList<string> Controls { get; init; }

        public required IReadOnlyList<string> Risks { get; init; }

        public required IReadOnlyList<VersionSummary> Versions { get; init; }

        public required int Version { get; init; }
    }

    public sealed record ApprovalDto
    {
        public required int Round { get; init; }

        public required string ApproverId { get; init; }

        public required string Approver { get; init; }

        public required ApprovalDecision Decision { get; init; }

        public required string? Reason { get; init; }

        public required DateTime? DecidedAt { get; init; }
    }

    public sealed record VersionDetail
    {
        public required Guid Id { get; init; }

        public required Guid DocumentId { get; init; }

        public required string Label { get; init; }

        public required VersionState State { get; init; }

        public required string? Content { get; init; }

        public required string? FileName { get; init; }

        public required string? FileSha256 { get; init; }

        public required string? ChangeSummary { get; init; }

        public required bool AskAcknowledgement { get; init; }

        public required Quorum Quorum { get; init; }

        public required int QuorumCount { get; init; }

        public required DateTime? SubmittedAt { get; init; }

        public required DateTime? ApprovedAt { get; init; }

        public required string? ContentSha256 { get; init; }

        public required IReadOnlyList<ApprovalDto> Approvals { get; init; }

        public required int Version { get; init; }
    }

    /// <summary>A draft's text as the API's JSON body gives it (a file is attached on the draft's page).</summary>
    public sealed record DraftBody(string? Content, string? ChangeSummary, bool AskAcknowledgement, int Version);

    public sealed record StartVersionBody(bool Major);

    public sealed record DecisionBody(bool Approve, string? Reason);

    public sealed record CampaignBody
    {
        public bool Everyone { get; init; }

        public List<string>? Departments { get; init; }

        public List<string>? Roles { get; init; }

        public List<Guid>? PersonIds { get; init; }

        public DateOnly? DueDate { get; init; }

        public string? Message { get; init; }
    }

    public sealed record AcknowledgementDto
    {
        public required Guid Id { get; init; }

        public required Guid? PersonId { get; init; }

        public required string Person { get; init; }

        public required string? Email { get; init; }

        public required string? Department { get; init; }

        public required AcknowledgementState State { get; init; }

        public required DateTime? AcknowledgedAt { get; init; }

        public required string? Via { get; init; }

        public required string? ContentSha256 { get; init; }
    }

    public sealed record CampaignDto
    {
        public required Guid Id { get; init; }

        public required Guid DocumentId { get; init; }

        public required string Document { get; init; }

        public required string VersionLabel { get; init; }

        public required string ContentSha256 { get; init; }

        public required string Audience { get; init; }

        public required DateOnly DueDate { get; init; }

        public required int Total { get; init; }

        public required int Acknowledged { get; init; }

        public required int Pending { get; init; }

        public required int Overdue { get; init; }

        public required RisksApi.PageDto<AcknowledgementDto> People { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        string scheme = ApiTokenHandler.SchemeName;
        var read = new HasPermissionAttribute(DocumentPermissions.Read) { AuthenticationSchemes = scheme };
        var edit = new HasPermissionAttribute(DocumentPermissions.Edit) { AuthenticationSchemes = scheme };
        var approve = new HasPermissionAttribute(DocumentPermissions.Approve) { AuthenticationSchemes = scheme };
        var campaign = new HasPermissionAttribute(DocumentPermissions.Campaign) { AuthenticationSchemes = scheme };
        var documents = app.MapGroup(ApiUrls.Documents).WithTags("Documents").DisableAntiforgery();

        documents.MapGet("/", async (ListDocuments list, string? q, DocumentKind? kind, DocumentStatus? status, string? owner, bool? overdue, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await list.Handle(new() { Search = q, Kind = kind, Status = status, OwnerId = owner, ReviewOverdue = overdue ?? false, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct);
                return Results.Ok(new RisksApi.PageDto<DocumentSummary>
                {
                    Items = result.Items.Select(d => new DocumentSummary
                    {
                        Id = d.Id, Reference = d.Reference, Title = d.Title, Kind = d.Kind, Status = d.Status, Owner = d.OwnerName, Classification = d.Classification,
                        CurrentVersion = d.CurrentLabel, PendingVersion = d.PendingLabel, PendingState = d.PendingState, NextReview = d.NextReview, ReviewOverdue = d.ReviewOverdue,
                    }).ToList(),
                    Page = result.PageNumber, PageSize = result.PageSize, TotalCount = result.TotalCount, PageCount = result.PageCount,
                });
            })
            .RequireAuthorization(read).WithName("ListDocuments").WithSummary("The document register, filtered (q, kind, status, owner, overdue) and paged.");

        documents.MapGet("/{id:guid}", async (Guid id, GetDocument get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v ? Results.Ok(Detail(v)) : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetDocument").WithSummary("A document's register entry, links and versions.");

        documents.MapPost("/", async (SaveDocument.Command body, SaveDocument save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Document(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateDocument").WithSummary("Adds a document (with its first draft, 0.1); a blank reference is numbered by kind.");

        documents.MapPut("/{id:guid}", async (Guid id, SaveDocument.Command body, SaveDocument save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateDocument").WithSummary("Replaces a document's register entry and links; send the version you read (409 if it changed since).");

        documents.MapPost("/{id:guid}/versions", async (Guid id, StartVersionBody body, StartVersion start, CancellationToken ct) =>
            {
                var started = await start.Handle(id, body.Major, ct);
                return started.Succeeded ? Results.Created(ApiUrls.DocumentVersion(id, started.Value), new { id = started.Value }) : ApiProblems.From(started);
            })
            .RequireAuthorization(edit).WithName("StartDocumentVersion").WithSummary("Starts the next version (minor, or major) from the one in force.");

        documents.MapGet("/{id:guid}/versions/{versionId:guid}", async (Guid id, Guid versionId, GetDocumentVersion get, CancellationToken ct) =>
                await get.Handle(id, versionId, ct) is { } v ? Results.Ok(Detail(v)) : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetDocumentVersion").WithSummary("A version's text, state, hash and approval record.");

        documents.MapGet("/{id:guid}/versions/{versionId:guid}/file", async (Guid id, Guid versionId, GetDocumentFile files, CancellationToken ct) =>
            {
                var opened = await files.Handle(id, versionId, ct);
                return opened.Succeeded
                    ? Results.File(opened.Value!.Content, opened.Value.ContentType, opened.Value.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{opened.Value.Sha256}\""))
                    : opened.Kind == ResultKind.NotFound ? ApiProblems.From(opened)
                    : Results.Problem(statusCode: 409, title: "The stored file cannot be served", detail: opened.Errors[0].Message);
            })
            .RequireAuthorization(read).WithName("DownloadDocumentFile").WithSummary("A version's attached file, exactly as stored (its SHA-256 is the ETag).");

        documents.MapPut("/{id:guid}/versions/{versionId:guid}", async (Guid id, Guid versionId, DraftBody body, EditDraft edit, CancellationToken ct) =>
            {
                var saved = await edit.Handle(new EditDraft.Command { VersionId = versionId, Content = body.Content, ChangeSummary = body.ChangeSummary, AskAcknowledgement = body.AskAcknowledgement, Version = body.Version }, ct);
                return saved.Succeeded ? Results.Ok(new { id = versionId }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("EditDocumentDraft").WithSummary("Replaces a draft's text; a submitted or approved version is refused (400).");

        documents.MapPost("/{id:guid}/versions/{versionId:guid}/submit", async (Guid id, Guid versionId, SubmitDraft.Command body, SubmitDraft submit, PublicLinks links, CancellationToken ct) =>
            {
                body.VersionId = versionId;
                body.Link = links.To(DocumentUrls.Version(id, versionId));
                var submitted = await submit.Handle(body, ct);
                return submitted.Succeeded ? Results.Ok(new { id = versionId }) : ApiProblems.From(submitted);
            })
            .RequireAuthorization(edit).WithName("SubmitDocumentVersion").WithSummary("Freezes a draft and asks the named approvers (quorum All, Any or Count).");

        documents.MapPost("/{id:guid}/versions/{versionId:guid}/decision", async (Guid id, Guid versionId, DecisionBody body, DecideApproval decide, PublicLinks links, CancellationToken ct) =>
            {
                var decided = await decide.Handle(new DecideApproval.Command { VersionId = versionId, Approve = body.Approve, Reason = body.Reason, Link = links.To(DocumentUrls.Version(id, versionId)) }, ct);
                return decided.Succeeded ? Results.Ok(new { outcome = decided.Value }) : ApiProblems.From(decided);
            })
            .RequireAuthorization(approve).WithName("DecideDocumentVersion").WithSummary("A named approver approves, or rejects with a reason; the outcome says whether the quorum is reached.");

        documents.MapPost("/{id:guid}/reviews", async (Guid id, RecordReview.Command body, RecordReview review, CancellationToken ct) =>
            {
                body.DocumentId = id;
                var saved = await review.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("RecordDocumentReview").WithSummary("Records \"reviewed, no change\" and moves the next review (by the interval unless a date is given).");

        documents.MapPost("/{id:guid}/campaigns", async (Guid id, CampaignBody body, StartCampaign start, PublicLinks links, CancellationToken ct) =>
            {
                var started = await start.Handle(new StartCampaign.Command
                {
                    DocumentId = id, Everyone = body.Everyone, Departments = body.Departments, Roles = body.Roles, PersonIds = body.PersonIds, DueDate = body.DueDate,
                    Message = body.Message, LinkTemplate = links.To(DocumentUrls.AckBase) + "/{token}",
                }, ct);
                return started.Succeeded
                    ? Results.Created(ApiUrls.Campaign(started.Value!.CampaignId), new { id = started.Value.CampaignId, asked = started.Value.Asked, skipped = started.Value.Skipped, withoutEmail = started.Value.WithoutEmail })
                    : ApiProblems.From(started);
            })
            .RequireAuthorization(campaign).WithName("StartAcknowledgementCampaign").WithSummary("Asks an audience to acknowledge the version in force; each person is mailed a personal link.");

        app.MapGroup(ApiUrls.Campaigns).WithTags("Documents").DisableAntiforgery()
            .MapGet("/{id:guid}", async (Guid id, GetCampaign get, string? q, AckShow? show, int? page, int? pageSize, CancellationToken ct) =>
            {
                var v = await get.Handle(id, new AckFilter { Search = q, Show = show ?? AckShow.All, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct);
                return v is null ? ApiProblems.From(Result.NotFound()) : Results.Ok(new CampaignDto
                {
                    Id = v.Campaign.Id, DocumentId = v.Campaign.DocumentId, Document = $"{v.DocumentReference} {v.DocumentTitle}", VersionLabel = v.Campaign.VersionLabel,
                    ContentSha256 = v.Campaign.ContentSha256, Audience = v.Campaign.Audience, DueDate = v.Campaign.DueDate, Total = v.Total, Acknowledged = v.Acknowledged,
                    Pending = v.Pending, Overdue = v.Overdue,
                    People = new RisksApi.PageDto<AcknowledgementDto>
                    {
                        Items = v.People.Items.Select(a => new AcknowledgementDto
                        {
                            Id = a.Id, PersonId = a.PersonId, Person = a.PersonName, Email = a.PersonEmail, Department = a.Department, State = a.State,
                            AcknowledgedAt = a.AcknowledgedAt, Via = a.Via, ContentSha256 = a.ContentSha256,
                        }).ToList(),
                        Page = v.People.PageNumber, PageSize = v.People.PageSize, TotalCount = v.People.TotalCount, PageCount = v.People.PageCount,
                    },
                });
            })
            .RequireAuthorization(read).WithName("GetAcknowledgementCampaign").WithSummary("A campaign's progress and one page of who acknowledged (show=All, Acknowledged or Pending).");
    }

    private static DocumentDetail Detail(GetDocument.View v) => new()
    {
        Id = v.Document.Id, Reference = v.Document.Reference, Title = v.Document.Title, Kind = v.Document.Kind, Purpose = v.Document.Purpose, OwnerId = v.Document.OwnerId,
        Owner = v.OwnerName, Classification = v.Document.Classification, Audience = v.Document.Audience, ReviewIntervalMonths = v.Document.ReviewIntervalMonths,
        NextReview = v.Document.NextReview, Clauses = v.Document.Clauses, ExternalSource = v.Document.ExternalSource, ExternalVersion = v.Document.ExternalVersion,
        Status = v.Document.Status, Controls = v.Controls.Select(c => c.Reference).ToList(), Risks = v.Risks.Select(r => r.Reference).ToList(),
        Versions = v.Versions.Select(x => new VersionSummary { Id = x.Id, Label = x.Label, State = x.State, ChangeSummary = x.ChangeSummary, ApprovedAt = x.ApprovedAt, ContentSha256 = x.ContentSha256 }).ToList(),
        Version = v.Document.Version,
    };

    private static VersionDetail Detail(GetDocumentVersion.View v) => new()
    {
        Id = v.Version.Id, DocumentId = v.Document.Id, Label = v.Version.Label, State = v.Version.State, Content = v.Version.Content, FileName = v.Version.FileName,
        FileSha256 = v.Version.FileSha256, ChangeSummary = v.Version.ChangeSummary, AskAcknowledgement = v.Version.AskAcknowledgement, Quorum = v.Version.Quorum,
        QuorumCount = v.Version.QuorumCount, SubmittedAt = v.Version.SubmittedAt, ApprovedAt = v.Version.ApprovedAt, ContentSha256 = v.Version.ContentSha256,
        Approvals = v.Approvals.Select(a => new ApprovalDto { Round = a.Round, ApproverId = a.ApproverId, Approver = a.ApproverName, Decision = a.Decision, Reason = a.Reason, DecidedAt = a.DecidedAt }).ToList(),
        Version = v.Version.Version,
    };
}
