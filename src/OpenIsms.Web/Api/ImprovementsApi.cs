using OpenIsms.Core.Common;
using OpenIsms.Core.Improvements;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1/improvements: the improvement register (clause 10.1), with the page's rules.</summary>
public sealed class ImprovementsApi : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(ImprovementPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(ImprovementPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var group = app.MapGroup(ApiUrls.Improvements).WithTags("Improvements").DisableAntiforgery();

        group.MapGet("/", async (ListImprovements list, string? q, ImprovementStatus? status, ImprovementSource? source, bool? closed, bool? mine, int? page, int? pageSize, CancellationToken ct) =>
            {
                var found = await list.Handle(new()
                {
                    Search = q, Status = status, Source = source, Closed = closed ?? false, Mine = mine ?? false, Page = page ?? 1, PageSize = pageSize ?? 25,
                }, ct);
                return Results.Ok(new RisksApi.PageDto<ListImprovements.Row>
                {
                    Items = found.Items, Page = found.PageNumber, PageSize = found.PageSize, TotalCount = found.TotalCount, PageCount = found.PageCount,
                });
            })
            .RequireAuthorization(read).WithName("ListImprovements").WithSummary("The improvement register, filtered and paged; open ones unless closed=true or a status is named.");

        group.MapGet("/{id:guid}", async (Guid id, GetImprovement get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new { Improvement = SaveImprovement.Command.From(v.Improvement), v.Improvement.Reference, v.Improvement.RaisedOn, v.Improvement.RaisedBy, v.Owner })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetImprovement").WithSummary("One opportunity for improvement.");

        group.MapPost("/", async (SaveImprovement.Command body, SaveImprovement save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Improvement(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("AddImprovement").WithSummary("Records an opportunity for improvement.");

        group.MapPut("/{id:guid}", async (Guid id, SaveImprovement.Command body, SaveImprovement save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateImprovement").WithSummary("Records a decision, progress or outcome; send the version you read.");
    }
}
