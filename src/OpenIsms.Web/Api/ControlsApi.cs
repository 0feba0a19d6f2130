using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Security;
using OpenIsms.Core.Soa;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1 for controls and the Statement of Applicability: the same use cases and permissions as the pages.</summary>
public sealed class ControlsApi : IEndpointGroup
{
    /// <summary>The SoA decision for one control as the API's JSON body gives it.</summary>
    public sealed record DecisionBody
    {
        public bool? Applicable { get; init; }

        public IReadOnlyList<InclusionReason>? Reasons { get; init; }

        public string? ExclusionJustification { get; init; }

        public string? InclusionJustification { get; init; }

        public ControlStatus? StatusOverride { get; init; }

        public string? OverrideReason { get; init; }

        public string? Notes { get; init; }

        public int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(ControlPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(ControlPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var controls = app.MapGroup(ApiUrls.Controls).WithTags("Controls").DisableAntiforgery();

        controls.MapGet("/", async (ListControls list, string? q, ControlStatus? status, string? owner, string? annexA, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await list.Handle(new() { Search = q, Status = status, OwnerId = owner, AnnexA = annexA, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct);
                return Results.Ok(new RisksApi.PageDto<ListControls.Row>
                {
                    Items = result.Items,
                    Page = result.PageNumber,
                    PageSize = result.PageSize,
                    TotalCount = result.TotalCount,
                    PageCount = result.PageCount,
                });
            })
            .RequireAuthorization(read).WithName("ListControls").WithSummary("The organisation's controls with the Annex A controls each implements.");

        controls.MapGet("/{id:guid}", async (Guid id, GetControl get, CancellationToken ct) =>
                await get.Handle(id, ct) is { } v
                    ? Results.Ok(new
                    {
                        v.Control.Id, v.Control.Reference, v.Control.Name, v.Control.Description, v.Control.OwnerId, owner = v.OwnerName, v.Control.Type, v.Control.Frequency, v.Control.Status,
                        implements = v.Implements.Select(r => r.Code), treats = v.Treats.Select(r => r.Reference), treatsCount = v.TreatsCount, v.Control.Version,
                    })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetControl");

        controls.MapPost("/", async (SaveControl.Command body, SaveControl save, CancellationToken ct) =>
            {
                body.Id = null; // the address says what is created or changed, never the body
                body.Implements ??= [];
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Control(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateControl").WithSummary("Adds a control; implements lists Annex A codes such as A.5.15.");

        controls.MapPut("/{id:guid}", async (Guid id, SaveControl.Command body, SaveControl save, CancellationToken ct) =>
            {
                body.Id = id;
                body.Implements ??= [];
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateControl");

        var soa = app.MapGroup(ApiUrls.Soa).WithTags("Statement of Applicability").DisableAntiforgery();
        soa.MapGet("/", async (GetSoa get, CancellationToken ct) =>
            {
                var view = await get.Handle(ct);
                return Results.Ok(new
                {
                    latestVersion = view.Latest?.Number,
                    rows = view.Lines.Select(l => new { l.Row, warnings = l.Warnings, version = l.Entry?.Version ?? 0 }),
                });
            })
            .RequireAuthorization(read).WithName("GetSoa").WithSummary("The draft SoA: every Annex A control with its decision, status and warnings.");

        soa.MapGet("/versions/{number:int}", async (int number, GetSoa get, CancellationToken ct) =>
                await get.Version(number, ct) is { } v
                    ? Results.Ok(new { v.Number, v.ApprovedByName, v.ApprovedAt, v.Note, v.Rows })
                    : ApiProblems.From(Result.NotFound()))
            .RequireAuthorization(read).WithName("GetSoaVersion");

        soa.MapPut("/{code}", async (string code, DecisionBody body, SaveSoaEntry save, CancellationToken ct) =>
            {
                var saved = await save.Handle(new(code, new SoaEntry.Decision
                {
                    Applicable = body.Applicable,
                    Reasons = body.Reasons ?? [],
                    ExclusionJustification = body.ExclusionJustification,
                    InclusionJustification = body.InclusionJustification,
                    StatusOverride = body.StatusOverride,
                    OverrideReason = body.OverrideReason,
                    Notes = body.Notes,
                }, body.Version), ct);
                return saved.Succeeded ? Results.Ok(new { code }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("DecideSoaRow").WithSummary("Records the decision for one Annex A control, e.g. PUT /api/v1/soa/A.8.28.");
    }
}
