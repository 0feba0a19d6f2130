using OpenIsms.Core.Common;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1 for risks: the same use cases and permissions as the pages, JSON in and out.</summary>
public sealed class RisksApi : IEndpointGroup
{
    public sealed record RatingBody(int Likelihood, IReadOnlyList<int>? Impacts);

    public sealed record AssessmentBody(RatingBody? Inherent, RatingBody? Residual, string? Note, int Version);

    public sealed record Rating(int Likelihood, int Impact, int Score, string Level);

    public sealed record RiskSummary(
        Guid Id, string Reference, string Title, string OwnerId, string OwnerName, string Status, string? Treatment,
        int? InherentLevel, int? InherentScore, int? ResidualLevel, int? ResidualScore, int? MethodologyVersion, DateOnly? NextReview, int Version);

    public sealed record AssessmentDto(Guid Id, DateTime AssessedAt, string AssessedBy, int MethodologyVersion, Rating Inherent, Rating Residual, IReadOnlyList<int> InherentImpacts, IReadOnlyList<int> ResidualImpacts, string? Note);

    public sealed record ActionDto(Guid Id, string Title, string? OwnerName, DateOnly? Due, string Status, string? Control);

    public sealed record RiskDetail(
        Guid Id, string Reference, string Title, string? Description, string OwnerId, string OwnerName, string? Threat, string? Vulnerability,
        string? ExistingControls, string Status, string? Treatment, string? TreatmentRationale, DateOnly? NextReview,
        IReadOnlyList<string> Assets, IReadOnlyList<string> Controls, IReadOnlyList<AssessmentDto> Assessments, IReadOnlyList<ActionDto> Actions, int Version);

    public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int PageCount);

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(RiskPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(RiskPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var risks = app.MapGroup(ApiUrls.Risks).WithTags("Risks").DisableAntiforgery();

        risks.MapGet("/", async (ListRisks list, string? q, string? owner, int? level, TreatmentOption? treatment, RiskStatus? status, Guid? asset,
                bool? overdue, RiskSort? sort, bool? desc, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await list.Handle(new RiskFilter
                {
                    Search = q, OwnerId = owner, Level = level, Treatment = treatment, Status = status, AssetId = asset, ReviewOverdue = overdue ?? false,
                    Sort = sort ?? RiskSort.Reference, Descending = desc ?? false, Page = page ?? 1, PageSize = pageSize ?? 25,
                }, ct);
                return Results.Ok(new PageDto<RiskSummary>(result.Items.Select(r => new RiskSummary(r.Id, r.Reference, r.Title, r.OwnerId, r.OwnerName,
                    r.Status.ToString(), r.Treatment?.ToString(), r.InherentLevel, r.InherentScore, r.ResidualLevel, r.ResidualScore, r.MethodologyNumber,
                    r.NextReview, r.Version)).ToList(), result.PageNumber, result.PageSize, result.TotalCount, result.PageCount));
            })
            .RequireAuthorization(read).WithName("ListRisks").WithSummary("The risk register, filtered and paged (25, 50 or 100 per page).");

        risks.MapGet("/{id:guid}", async (Guid id, GetRisk get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } view ? Results.Ok(Detail(view)) : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetRisk").WithSummary("One risk with its assessments and treatment actions.");

        risks.MapPost("/", async (SaveRisk.Command body, SaveRisk save, CancellationToken ct) =>
            {
                body.Id = null; // the address says what is created or changed, never the body
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Risk(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateRisk").WithSummary("Records a risk; an empty reference takes the next R-number.");

        risks.MapPut("/{id:guid}", async (Guid id, SaveRisk.Command body, SaveRisk save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateRisk").WithSummary("Replaces a risk's scenario; send the version you read (409 if it changed since).");

        risks.MapPost("/{id:guid}/assessments", async (Guid id, AssessmentBody body, AssessRisk assess, CancellationToken ct) =>
            {
                // A missing or null rating is a wrong request, said as such: the assessment needs both.
                var missing = new List<FieldError>();
                if (body.Inherent is null)
                {
                    missing.Add(new FieldError("Inherent", "Give the inherent rating: a likelihood and one impact per rated area."));
                }

                if (body.Residual is null)
                {
                    missing.Add(new FieldError("Residual", "Give the residual rating: a likelihood and one impact per rated area."));
                }

                if (missing.Count > 0)
                {
                    return ApiProblems.From(Result.Invalid(missing));
                }

                var saved = await assess.Handle(new AssessRisk.Command(id, new(body.Inherent!.Likelihood, body.Inherent.Impacts ?? []),
                    new(body.Residual!.Likelihood, body.Residual.Impacts ?? []), body.Note, body.Version), ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Risk(id), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("AssessRisk")
            .WithSummary("Rates the risk under the approved methodology: likelihood and one impact per rated area (see /api/v1/methodology).");

        app.MapGet(ApiUrls.Methodology, async (GetMethodology get, CancellationToken ct) =>
                await get.Approved(ct) is { } m
                    ? Results.Ok(new { version = m.Number, m.Name, approvedAt = m.ApprovedAt, approvedBy = m.ApprovedByName, definition = m.Definition, ratedAreas = m.Definition.RatedAreas })
                    : Results.Problem(statusCode: 404, title: "No approved methodology", detail: "Approve a risk methodology first."))
            .RequireAuthorization(read).WithTags("Risks").WithName("GetMethodology").WithSummary("The approved risk methodology: scales, matrix, levels, threshold.");
    }

    private static RiskDetail Detail(GetRisk.View v)
    {
        var definition = v.RatedUnder?.Definition;
        string Level(int level) => definition is not null && level >= 0 && level < definition.Levels.Count ? definition.Levels[level].Name : level.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var r = v.Risk;
        return new RiskDetail(r.Id, r.Reference, r.Title, r.Description, r.OwnerId, v.OwnerName, v.ThreatName, v.VulnerabilityName, r.ExistingControls,
            r.Status.ToString(), r.Treatment?.ToString(), r.TreatmentRationale, r.NextReview,
            v.Assets.Select(a => a.Reference).ToList(), v.Controls.Select(c => c.Code).ToList(),
            v.Assessments.Select(a => new AssessmentDto(a.Id, a.AssessedAt, a.AssessedByName, a.MethodologyNumber,
                new Rating(a.InherentLikelihood, a.InherentImpact, a.InherentLikelihood * a.InherentImpact, Level(a.InherentLevel)),
                new Rating(a.ResidualLikelihood, a.ResidualImpact, a.ResidualLikelihood * a.ResidualImpact, Level(a.ResidualLevel)),
                a.InherentImpacts, a.ResidualImpacts, a.Note)).ToList(),
            v.Actions.Select(a => new ActionDto(a.Id, a.Title, a.OwnerName, a.Due, a.Status.ToString(), a.ControlCode)).ToList(), r.Version);
    }
}
