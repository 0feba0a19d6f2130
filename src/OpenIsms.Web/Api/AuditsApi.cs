using OpenIsms.Core.Audits;
using OpenIsms.Core.Common;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>
/// /api/v1/audits: the audit programme, the audits, planning one, its transitions and its checklist results — the pages'
/// rules: a result for an item outside the audit's scope is refused, and so is an auditor who owns a control in scope.
/// </summary>
public sealed class AuditsApi : IEndpointGroup
{
    /// <summary>A checklist result as a script posts it, naming the item by kind and code.</summary>
    public sealed record ResultBody
    {
        public AuditItemKind Kind { get; init; }

        public string? Code { get; init; }

        public AuditResult? Result { get; init; }

        public string? Sampled { get; init; }

        public int? SampleSize { get; init; }

        public string? Evidence { get; init; }

        public string? Notes { get; init; }

        public string? NotAuditedReason { get; init; }

        public string? NonconformityOwnerId { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(AuditPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var plan = new HasPermissionAttribute(AuditPermissions.Plan) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var conduct = new HasPermissionAttribute(AuditPermissions.Conduct) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var group = app.MapGroup(ApiUrls.Audits).WithTags("Internal audits").DisableAntiforgery();

        group.MapGet("/programme", async (GetAuditProgramme get, string? q, AuditItemKind? kind, ProgrammeStatus? status, int? page, int? pageSize, CancellationToken ct) =>
            {
                var view = await get.Handle(new() { Search = q, Kind = kind, Status = status, Page = page ?? 1, PageSize = pageSize ?? 50 }, ct);
                return Results.Ok(new
                {
                    view.CycleYears, view.Counts,
                    Rows = new RisksApi.PageDto<GetAuditProgramme.Row>
                    {
                        Items = view.Rows.Items, Page = view.Rows.PageNumber, PageSize = view.Rows.PageSize, TotalCount = view.Rows.TotalCount, PageCount = view.Rows.PageCount,
                    },
                });
            })
            .RequireAuthorization(read).WithName("GetAuditProgramme").WithSummary("The audit programme: each universe item's last audit, plan, due date and status.");

        group.MapGet("/", async (ListAudits list, string? q, AuditState? state, bool? mine, int? page, int? pageSize, CancellationToken ct) =>
            {
                var found = await list.Handle(new() { Search = q, State = state, Mine = mine ?? false, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct);
                return Results.Ok(new RisksApi.PageDto<ListAudits.Row>
                {
                    Items = found.Items, Page = found.PageNumber, PageSize = found.PageSize, TotalCount = found.TotalCount, PageCount = found.PageCount,
                });
            })
            .RequireAuthorization(read).WithName("ListAudits").WithSummary("The internal audits, newest first.");

        group.MapGet("/{id:guid}", async (Guid id, GetAuditReport get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } r
                    ? Results.Ok(new
                    {
                        r.Audit.Id, r.Audit.Reference, r.Audit.Title, r.Audit.Criteria, r.Audit.Plan, r.Audit.Auditees, r.Audit.PlannedStart, r.Audit.PlannedEnd, r.Audit.State,
                        r.Audit.CompetenceEvidence, r.Audit.Conclusion, r.Audit.ReportedOn, r.Audit.ReportedBy, r.Audit.ClosedOn, r.Audit.Version, r.LeadAuditor, r.Team,
                        Checklist = r.Lines,
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetAudit").WithSummary("One audit with its whole checklist.");

        group.MapPost("/", async (PlanAudit.Command body, PlanAudit save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Audit(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(plan).WithName("PlanAudit").WithSummary("Plans an audit; items are universe keys such as \"Clause:9.2\" or \"Control:A.8.13\".");

        group.MapPut("/{id:guid}", async (Guid id, PlanAudit.Command body, PlanAudit save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(plan).WithName("ReplanAudit").WithSummary("Changes a planned audit; send the version you read.");

        group.MapPost("/{id:guid}/transitions", async (Guid id, MoveAudit.Command body, MoveAudit move, CancellationToken ct) =>
            {
                var moved = await move.Handle(id, body, ct);
                return moved.Succeeded ? Results.Ok(new { id, state = body.To }) : ApiProblems.From(moved);
            })
            .RequireAuthorization(conduct).WithName("MoveAudit").WithSummary("to=InProgress (a team member), Reported (the lead auditor, with conclusion) or Closed (audits.plan).");

        group.MapPost("/{id:guid}/results", async (Guid id, ResultBody body, RecordChecklistResult record, CancellationToken ct) =>
            {
                if (await record.Find(id, body.Kind, body.Code ?? "", ct) is not { } item)
                {
                    return ApiProblems.From(Result.Invalid(new FieldError(nameof(ResultBody.Code), $"{body.Kind} {body.Code} is outside the audit's scope: it is not on its checklist.")));
                }

                var recorded = await record.Handle(id, item.Id, new()
                {
                    Result = body.Result, Sampled = body.Sampled, SampleSize = body.SampleSize, Evidence = body.Evidence, Notes = body.Notes,
                    NotAuditedReason = body.NotAuditedReason, NonconformityOwnerId = body.NonconformityOwnerId, Version = item.Version,
                }, ct);
                return recorded.Succeeded ? Results.Ok(new { id = item.Id }) : ApiProblems.From(recorded);
            })
            .RequireAuthorization(conduct).WithName("RecordChecklistResult").WithSummary("Records the result for one checklist item, named by kind and code.");
    }
}
