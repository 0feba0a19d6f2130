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

    public sealed record RiskSummary
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required string OwnerId { get; init; }

        public required string OwnerName { get; init; }

        public required string Status { get; init; }

        public required string? Treatment { get; init; }

        public required int? InherentLevel { get; init; }

        public required int? InherentScore { get; init; }

        public required int? ResidualLevel { get; init; }

        public required int? ResidualScore { get; init; }

        public required int? MethodologyVersion { get; init; }

        public required DateOnly? NextReview { get; init; }

        public required int Version { get; init; }
    }

    public sealed record AssessmentDto
    {
        public required Guid Id { get; init; }

        public required DateTime AssessedAt { get; init; }

        public required string AssessedBy { get; init; }

        public required int MethodologyVersion { get; init; }

        public required Rating Inherent { get; init; }

        public required Rating Residual { get; init; }

        public required IReadOnlyList<int> InherentImpacts { get; init; }

        public required IReadOnlyList<int> ResidualImpacts { get; init; }

        public required string? Note { get; init; }
    }

    public sealed record ActionDto
    {
        public required Guid Id { get; init; }

        public required string Title { get; init; }

        public required string? OwnerName { get; init; }

        public required DateOnly? Due { get; init; }

        public required string Status { get; init; }

        public required string? Control { get; init; }
    }

    public sealed record RiskDetail
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required string? Description { get; init; }

        public required string OwnerId { get; init; }

        public required string OwnerName { get; init; }

        public required string? Threat { get; init; }

        public required string? Vulnerability { get; init; }

        public required string? ExistingControls { get; init; }

        public required string Status { get; init; }

        public required string? Treatment { get; init; }

        public required string? TreatmentRationale { get; init; }

        public required DateOnly? NextReview { get; init; }

        public required IReadOnlyList<string> Assets { get; init; }

        public required IReadOnlyList<string> Controls { get; init; }

        public required IReadOnlyList<AssessmentDto> Assessments { get; init; }

        public required IReadOnlyList<ActionDto> Actions { get; init; }

        public required int Version { get; init; }
    }

    public sealed record PageDto<T>
    {
        public required IReadOnlyList<T> Items { get; init; }

        public required int Page { get; init; }

        public required int PageSize { get; init; }

        public required int TotalCount { get; init; }

        public required int PageCount { get; init; }
    }

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
                return Results.Ok(new PageDto<RiskSummary>
                {
                    Items = result.Items.Select(r => new RiskSummary
                    {
                        Id = r.Id,
                        Reference = r.Reference,
                        Title = r.Title,
                        OwnerId = r.OwnerId,
                        OwnerName = r.OwnerName,
                        Status = r.Status.ToString(),
                        Treatment = r.Treatment?.ToString(),
                        InherentLevel = r.InherentLevel,
                        InherentScore = r.InherentScore,
                        ResidualLevel = r.ResidualLevel,
                        ResidualScore = r.ResidualScore,
                        MethodologyVersion = r.MethodologyNumber,
                        NextReview = r.NextReview,
                        Version = r.Version,
                    }).ToList(),
                    Page = result.PageNumber,
                    PageSize = result.PageSize,
                    TotalCount = result.TotalCount,
                    PageCount = result.PageCount,
                });
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

                var saved = await assess.Handle(
                    new AssessRisk.Command
                    {
                        RiskId = id, Inherent = new(body.Inherent!.Likelihood, body.Inherent.Impacts ?? []), Residual = new(body.Residual!.Likelihood, body.Residual.Impacts ?? []),
                        Note = body.Note, Version = body.Version,
                    },
                    ct);
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
        return new RiskDetail
        {
            Id = r.Id,
            Reference = r.Reference,
            Title = r.Title,
            Description = r.Description,
            OwnerId = r.OwnerId,
            OwnerName = v.OwnerName,
            Threat = v.ThreatName,
            Vulnerability = v.VulnerabilityName,
            ExistingControls = r.ExistingControls,
            Status = r.Status.ToString(),
            Treatment = r.Treatment?.ToString(),
            TreatmentRationale = r.TreatmentRationale,
            NextReview = r.NextReview,
            Assets = v.Assets.Select(a => a.Reference).ToList(),
            Controls = v.Controls.Select(c => c.Code).ToList(),
            Assessments = v.Assessments.Select(a => new AssessmentDto
            {
                Id = a.Id,
                AssessedAt = a.AssessedAt,
                AssessedBy = a.AssessedByName,
                MethodologyVersion = a.MethodologyNumber,
                Inherent = new Rating(a.InherentLikelihood, a.InherentImpact, a.InherentLikelihood * a.InherentImpact, Level(a.InherentLevel)),
                Residual = new Rating(a.ResidualLikelihood, a.ResidualImpact, a.ResidualLikelihood * a.ResidualImpact, Level(a.ResidualLevel)),
                InherentImpacts = a.InherentImpacts,
                ResidualImpacts = a.ResidualImpacts,
                Note = a.Note,
            }).ToList(),
            Actions = v.Actions.Select(a => new ActionDto
            {
                Id = a.Id,
                Title = a.Title,
                OwnerName = a.OwnerName,
                Due = a.Due,
                Status = a.Status.ToString(),
                Control = a.ControlCode,
            }).ToList(),
            Version = r.Version,
        };
    }
}
