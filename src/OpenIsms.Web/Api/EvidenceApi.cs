using System.Globalization;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Evidence;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1 for evidence and control runs: list, read, upload, download and review, with the pages' use cases and permissions.</summary>
public sealed class EvidenceApi : IEndpointGroup
{
    public sealed record ReviewBody(EvidenceReview Decision, string? Comment, int Version);

    /// <summary>A link or a note as the API's JSON body gives it (a file comes as multipart/form-data).</summary>
    public sealed record EvidenceBody
    {
        public EvidenceKind Kind { get; init; }

        public string Title { get; init; } = "";

        public string? Description { get; init; }

        public string? Url { get; init; }

        public DateOnly? CollectedOn { get; init; }

        public DateOnly? ValidUntil { get; init; }

        public Guid? TaskId { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(EvidencePermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var add = new HasPermissionAttribute(EvidencePermissions.Add) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var controlsRead = new HasPermissionAttribute(ControlPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var evidence = app.MapGroup(ApiUrls.Evidence).WithTags("Evidence").DisableAntiforgery();

        evidence.MapGet("/", async (ListEvidence list, string? q, EvidenceState? state, EvidenceKind? kind, Guid? controlId, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await list.Handle(new EvidenceFilter { Search = q, State = state, Kind = kind, ControlId = controlId, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct);
                return Results.Ok(new RisksApi.PageDto<ListEvidence.Row>
                {
                    Items = result.Items,
                    Page = result.PageNumber,
                    PageSize = result.PageSize,
                    TotalCount = result.TotalCount,
                    PageCount = result.PageCount,
                });
            })
            .RequireAuthorization(read).WithName("ListEvidence").WithSummary("Evidence, newest first; filter by state (Current, ExpiringSoon, Expired, AwaitingReview, Rejected), kind or control.");

        evidence.MapGet("/{id:guid}", async (Guid id, GetEvidence get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new
                    {
                        v.Evidence.Id, v.Evidence.Kind, v.Evidence.Title, v.Evidence.Description, v.Evidence.Url, v.Evidence.FileName, v.Evidence.ContentType, v.Evidence.SizeBytes,
                        v.Evidence.Sha256, collectedBy = v.CollectedBy, v.Evidence.CollectedOn, v.Evidence.ValidUntil, v.State, v.Evidence.Review, reviewedBy = v.ReviewedBy,
                        v.Evidence.ReviewedAt, v.Evidence.ReviewComment, controls = v.Controls.Select(c => new { c.Id, c.Reference }), v.Evidence.Version,
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetEvidence");

        evidence.MapGet("/{id:guid}/file", async (Guid id, EvidenceFiles files, HttpContext http, CancellationToken ct) =>
            {
                var opened = await files.Handle(id, "api", ct);
                if (opened.Succeeded)
                {
                    return Features.Evidence.EvidenceDownloads.Serve(opened, http);
                }

                return opened.Kind == ResultKind.Invalid
                    ? Results.Problem(statusCode: 409, title: "The stored file cannot be served", detail: opened.Errors[0].Message)
                    : ApiProblems.From(opened);
            })
            .RequireAuthorization(read).WithName("DownloadEvidence").WithSummary("The stored file, exactly as uploaded (its SHA-256 is the ETag). Each download is in the activity log.");

        evidence.MapPost("/{id:guid}/review", async (Guid id, ReviewBody body, ReviewEvidence review, CancellationToken ct) =>
            {
                var saved = await review.Handle(new(id, body.Decision, body.Comment, body.Version), ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(read).WithName("ReviewEvidence").WithSummary("The control owner (or an ISMS manager) accepts or rejects evidence; a rejection needs a comment.");

        var controls = app.MapGroup(ApiUrls.Controls).WithTags("Evidence").DisableAntiforgery();
        controls.MapPost("/{id:guid}/evidence", async (Guid id, HttpRequest request, AddEvidence add, Clock clock, CancellationToken ct) =>
            {
                var today = await clock.Today(ct);
                if (request.HasFormContentType)
                {
                    // multipart/form-data: the file part is streamed from the request's buffer to the store.
                    var form = await request.ReadFormAsync(ct);
                    var file = form.Files.GetFile("file");
                    var kind = Enum.TryParse<EvidenceKind>(form["kind"], true, out var k) ? k : file is null ? EvidenceKind.Note : EvidenceKind.File;
                    var dateErrors = new List<FieldError>();
                    if (!TryDate(form["collectedOn"], today, out var collected))
                    {
                        dateErrors.Add(new FieldError("CollectedOn", "Write the date it was collected as yyyy-MM-dd."));
                    }

                    if (!TryDate(form["validUntil"], null, out var valid))
                    {
                        dateErrors.Add(new FieldError("ValidUntil", "Write the valid-until date as yyyy-MM-dd."));
                    }

                    if (dateErrors.Count > 0)
                    {
                        return ApiProblems.From(Result.Invalid(dateErrors));
                    }

                    await using var content = file?.OpenReadStream();
                    var upload = file is null ? null : new AddEvidence.Upload(file.FileName, content!);
                    var taskId = Guid.TryParse(form["taskId"], out var t) ? t : (Guid?)null;
                    return Created(await add.Handle(
                        new AddEvidence.Command
                        {
                            ControlId = id, Kind = kind, Details = new(form["title"].ToString(), form["description"], collected!.Value, valid), Url = form["url"], File = upload, TaskId = taskId,
                        },
                        ct));
                }

                if (!request.HasJsonContentType())
                {
                    return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                        detail: "Send multipart/form-data (with a \"file\" part for a file) or application/json for a link or a note.");
                }

                EvidenceBody? body;
                try
                {
                    body = await request.ReadFromJsonAsync<EvidenceBody>(ct);
                }
                catch (System.Text.Json.JsonException ex)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON", detail: ex.Message);
                }

                if (body is null || body.Kind == EvidenceKind.File)
                {
                    return ApiProblems.From(Result.Invalid(new FieldError("File", "Send a file as multipart/form-data with the part named \"file\"; JSON bodies are for links and notes.")));
                }

                return Created(await add.Handle(
                    new AddEvidence.Command
                    {
                        ControlId = id, Kind = body.Kind, Details = new(body.Title ?? "", body.Description, body.CollectedOn ?? today, body.ValidUntil), Url = body.Url, TaskId = body.TaskId,
                    },
                    ct));
            })
            .RequireAuthorization(add).WithName("AddEvidence")
            .WithSummary("Adds evidence to a control: multipart/form-data with file, title, description, collectedOn, validUntil (and taskId to complete a run), or JSON for a link or note.");

        controls.MapGet("/{id:guid}/tasks", async (Guid id, ListControlTasks tasks, CancellationToken ct) => Results.Ok(await tasks.Handle(id, 20, ct)))
            .RequireAuthorization(controlsRead).WithName("ListControlTasks").WithSummary("The control's next run and the last runs done.");
    }

    private static IResult Created(Result<Guid> added) =>
        added.Succeeded ? Results.Created(ApiUrls.EvidenceItem(added.Value), new { id = added.Value }) : ApiProblems.From(added);

    private static bool TryDate(string? value, DateOnly? fallback, out DateOnly? date)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            date = fallback;
            return true;
        }

        var ok = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        date = ok ? parsed : null;
        return ok;
    }
}
