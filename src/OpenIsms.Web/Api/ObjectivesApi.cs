using OpenIsms.Core.Common;
using OpenIsms.Core.Objectives;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1/objectives and /api/v1/metrics: objectives, metrics and their values — a script may post values — with the pages' rules.</summary>
public sealed class ObjectivesApi : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(ObjectivePermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(ObjectivePermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var measure = new HasPermissionAttribute(ObjectivePermissions.Measure) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var objectives = app.MapGroup(ApiUrls.Objectives).WithTags("Objectives").DisableAntiforgery();

        objectives.MapGet("/", async (ListObjectives list, string? q, ObjectiveStatus? status, int? page, int? pageSize, CancellationToken ct) =>
                Paged(await list.Handle(new() { Search = q, Status = status, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct)))
            .RequireAuthorization(read).WithName("ListObjectives").WithSummary("The objectives, filtered and paged.");

        objectives.MapGet("/{id:guid}", async (Guid id, GetObjective get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new { Objective = SaveObjective.Command.From(v.Objective), v.OwnerName, v.OnTarget, MetricsCounted = v.Measured, v.Metrics })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetObjective").WithSummary("One objective, its plan, and its metrics with their latest values and standing.");

        objectives.MapPost("/", async (SaveObjective.Command body, SaveObjective save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Objective(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateObjective").WithSummary("Adds an objective with its plan.");

        objectives.MapPut("/{id:guid}", async (Guid id, SaveObjective.Command body, SaveObjective save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateObjective").WithSummary("Replaces an objective; send the version you read (409 if it changed since).");

        var metrics = app.MapGroup(ApiUrls.Metrics).WithTags("Objectives").DisableAntiforgery();
        metrics.MapGet("/", async (ListMetrics list, string? q, bool? due, bool? retired, int? page, int? pageSize, CancellationToken ct) =>
                Paged(await list.Handle(new() { Search = q, Due = due ?? false, Retired = retired ?? false, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct)))
            .RequireAuthorization(read).WithName("ListMetrics").WithSummary("The metrics with their latest value, filtered and paged (due=true: a value due within a week or overdue).");

        metrics.MapPost("/", async (SaveMetric.Command body, SaveMetric save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Metric(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateMetric").WithSummary("Adds a metric.");

        metrics.MapGet("/{id:guid}", async (Guid id, GetMetric get, int? page, CancellationToken ct) =>
                await get.Handle(id, page ?? 1, ct) is { } v
                    ? Results.Ok(new
                    {
                        Metric = SaveMetric.Command.From(v.Metric), v.Metric.NextDueOn, v.Metric.Since, v.Trend,
                        Measurements = new RisksApi.PageDto<GetMetric.Row>
                        {
                            Items = v.Measurements.Items, Page = v.Measurements.PageNumber, PageSize = v.Measurements.PageSize,
                            TotalCount = v.Measurements.TotalCount, PageCount = v.Measurements.PageCount,
                        },
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetMetric").WithSummary("One metric, its trend (current values) and its measurements, corrections included, 25 a page.");

        metrics.MapPost("/{id:guid}/measurements", async (Guid id, RecordMeasurement.Command body, RecordMeasurement record, CancellationToken ct) =>
            {
                if (body.Version == 0 && await record.CurrentVersion(id, ct) is { } current)
                {
                    body.Version = current; // a script appending a value need not read the metric first
                }

                var recorded = await record.Handle(id, body, ct);
                return recorded.Succeeded ? Results.Created(ApiUrls.Metric(id), new { id = recorded.Value }) : ApiProblems.From(recorded);
            })
            .RequireAuthorization(measure).WithName("RecordMeasurement").WithSummary("Appends a value (or, with corrects, a correction); version may be left out (0) by a script that only appends.");
    }

    private static IResult Paged<T>(Page<T> page) => Results.Ok(new RisksApi.PageDto<T>
    {
        Items = page.Items, Page = page.PageNumber, PageSize = page.PageSize, TotalCount = page.TotalCount, PageCount = page.PageCount,
    });
}
