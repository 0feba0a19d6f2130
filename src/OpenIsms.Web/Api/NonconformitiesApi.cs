using OpenIsms.Core.Common;
using OpenIsms.Core.Nonconformities;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>
/// /api/v1/nonconformities: the register, one nonconformity with its actions and steps, raising one, its transitions
/// (each refused out of order with the reason) and its corrective actions — the pages' rules, the same use cases.
/// </summary>
public sealed class NonconformitiesApi : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(NonconformityPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(NonconformityPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var group = app.MapGroup(ApiUrls.Nonconformities).WithTags("Nonconformities").DisableAntiforgery();

        group.MapGet("/", async (ListNonconformities list, string? q, NonconformityState? state, NonconformitySeverity? severity, NonconformitySource? source,
                    bool? closed, bool? mine, bool? overdue, int? page, int? pageSize, CancellationToken ct) =>
                Paged(await list.Handle(new()
                {
                    Search = q, State = state, Severity = severity, Source = source, Closed = closed ?? false, Mine = mine ?? false, Overdue = overdue ?? false,
                    Page = page ?? 1, PageSize = pageSize ?? 25,
                }, ct)))
            .RequireAuthorization(read).WithName("ListNonconformities").WithSummary("The nonconformity register, filtered and paged; open ones unless closed=true or a state is named.");

        group.MapGet("/{id:guid}", async (Guid id, GetNonconformity get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new
                    {
                        Nonconformity = SaveNonconformity.Command.From(v), v.Nonconformity.Reference, v.Nonconformity.State, v.Nonconformity.Round, Next = v.Nonconformity.Next(),
                        v.Nonconformity.Correction, v.Nonconformity.CorrectedOn, v.Nonconformity.CauseMethod, v.Nonconformity.Whys, v.Nonconformity.RootCause,
                        v.Nonconformity.EffectivenessDueOn, v.Nonconformity.ClosedOn, v.Owner, v.RecurrenceOf, v.Actions,
                        Steps = v.Steps.Select(s => new { s.Round, From = s.FromState, To = s.ToState, s.Summary, s.Whys, s.On, s.By, At = s.CreatedAt }),
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetNonconformity").WithSummary("One nonconformity with its corrective actions and its steps.");

        group.MapPost("/", async (SaveNonconformity.Command body, SaveNonconformity save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Nonconformity(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("RaiseNonconformity").WithSummary("Raises a nonconformity (flagged as a recurrence when one matches).");

        group.MapPut("/{id:guid}", async (Guid id, SaveNonconformity.Command body, SaveNonconformity save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateNonconformity").WithSummary("Corrects an open nonconformity's details; send the version you read.");

        // Closing and reopening need nonconformities.verify, checked by the use case; the rest need edit.
        group.MapPost("/{id:guid}/transitions", async (Guid id, MoveNonconformity.Command body, MoveNonconformity move, CancellationToken ct) =>
            {
                var moved = await move.Handle(id, body, ct);
                return moved.Succeeded ? Results.Ok(new { id, state = body.To }) : ApiProblems.From(moved);
            })
            .RequireAuthorization(edit).WithName("MoveNonconformity")
            .WithSummary("Takes the next step: to=Corrected (text, on), CauseFound (method, why1…why5, rootCause), ActionsPlanned (effectivenessDueOn), Implemented, Closed or Reopened (the effectiveness check: text, on).");

        group.MapPost("/{id:guid}/actions", async (Guid id, SaveCorrectiveAction.Command body, SaveCorrectiveAction save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(id, body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Nonconformity(id), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("AddCorrectiveAction").WithSummary("Adds a corrective action once the root cause is analysed.");

        group.MapPost("/{id:guid}/actions/{actionId:guid}/finish", async (Guid id, Guid actionId, FinishCorrectiveAction.Command body, FinishCorrectiveAction finish, CancellationToken ct) =>
            {
                var finished = await finish.Handle(id, actionId, body, ct);
                return finished.Succeeded ? Results.Ok(new { id = actionId }) : ApiProblems.From(finished);
            })
            .RequireAuthorization(edit).WithName("FinishCorrectiveAction").WithSummary("Records a corrective action as done (done=true) or cancelled, with its outcome.");
    }

    private static IResult Paged<T>(Page<T> page) => Results.Ok(new RisksApi.PageDto<T>
    {
        Items = page.Items, Page = page.PageNumber, PageSize = page.PageSize, TotalCount = page.TotalCount, PageCount = page.PageCount,
    });
}
