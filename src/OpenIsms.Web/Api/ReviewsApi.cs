using OpenIsms.Core.Changes;
using OpenIsms.Core.Common;
using OpenIsms.Core.Reviews;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>
/// /api/v1/reviews and /api/v1/changes: management reviews (their pack, its freezing, the minutes and actions) and the
/// planned changes to the ISMS, with the pages' rules — a frozen pack is never changed.
/// </summary>
public sealed class ReviewsApi : IEndpointGroup
{
    public sealed record VersionBody(int Version);

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(ReviewPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var hold = new HasPermissionAttribute(ReviewPermissions.Hold) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var reviews = app.MapGroup(ApiUrls.Reviews).WithTags("Management reviews").DisableAntiforgery();

        reviews.MapGet("/", async (ListReviews list, int? page, CancellationToken ct) =>
            {
                var found = await list.Handle(page ?? 1, ct);
                return Results.Ok(new RisksApi.PageDto<ListReviews.Row> { Items = found.Items, Page = found.PageNumber, PageSize = found.PageSize, TotalCount = found.TotalCount, PageCount = found.PageCount });
            })
            .RequireAuthorization(read).WithName("ListReviews").WithSummary("The management reviews, newest first.");

        reviews.MapGet("/{id:guid}", async (Guid id, GetReview get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new
                    {
                        v.Review.Id, v.Review.Reference, v.Review.Title, v.Review.ScheduledOn, v.Review.State, v.Chair, v.Review.Attendees, v.Review.PackSha256, v.Review.FrozenAt,
                        v.PackIntact, v.Pack, v.Minutes, v.Review.Suitability, v.Review.Adequacy, v.Review.Effectiveness, v.Review.ImprovementDecisions, v.Review.ChangesNeeded,
                        v.Review.ResourceNeeds, v.Review.ConcludedOn, v.Actions, v.Review.Version,
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetReview").WithSummary("One review: its pack (frozen, or compiled now), minutes, conclusions and actions.");

        reviews.MapPost("/", async (ScheduleReview.Command body, ScheduleReview save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Review(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(hold).WithName("ScheduleReview");

        reviews.MapPost("/{id:guid}/freeze", async (Guid id, VersionBody body, FreezeReviewPack freeze, CancellationToken ct) =>
            {
                var frozen = await freeze.Handle(id, body.Version, ct);
                return frozen.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(frozen);
            })
            .RequireAuthorization(hold).WithName("FreezeReviewPack").WithSummary("Freezes the input pack with its SHA-256; refused once frozen.");

        reviews.MapPut("/{id:guid}/minutes", async (Guid id, RecordReviewMinutes.Command body, RecordReviewMinutes record, CancellationToken ct) =>
            {
                var saved = await record.Handle(id, body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(hold).WithName("RecordReviewMinutes").WithSummary("Minutes per input (a, b, c, d1–d4, e, f, g), the three conclusions; conclude=true makes them final.");

        reviews.MapPost("/{id:guid}/actions", async (Guid id, AddReviewAction.Command body, AddReviewAction add, CancellationToken ct) =>
            {
                var saved = await add.Handle(id, body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Review(id), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(hold).WithName("AddReviewAction");

        var changes = app.MapGroup(ApiUrls.Changes).WithTags("Planned changes").DisableAntiforgery();
        changes.MapGet("/", async (ListChanges list, bool? all, Guid? reviewId, int? page, CancellationToken ct) =>
            {
                var found = await list.Handle(all ?? false, reviewId, page ?? 1, ct);
                return Results.Ok(new RisksApi.PageDto<ListChanges.Row> { Items = found.Items, Page = found.PageNumber, PageSize = found.PageSize, TotalCount = found.TotalCount, PageCount = found.PageCount });
            })
            .RequireAuthorization(new HasPermissionAttribute(ChangePermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName }).WithName("ListChanges");

        changes.MapPost("/", async (SaveChange.Command body, SaveChange save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Change(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(new HasPermissionAttribute(ChangePermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName }).WithName("PlanChange");
    }
}
