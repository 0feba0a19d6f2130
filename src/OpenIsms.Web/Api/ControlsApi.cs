using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Security;
using OpenIsms.Core.Soa;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1 for controls and the Statement of Applicability: the same use cases and permissions as the pages.</summary>
public sealed class ControlsApi : IEndpointGroup
{
    public sealed record ControlBody(string? Reference, string Name, string? Description, string? OwnerId, ControlType Type, ControlFrequency Frequency, ControlStatus Status,
        IReadOnlyList<string>? Implements, int Version = 0);

    public sealed record DecisionBody(bool? Applicable, IReadOnlyList<InclusionReason>? Reasons, string? ExclusionJustification, ControlStatus? StatusOverride, string? OverrideReason, string? Notes, int Version = 0);

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(ControlPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(ControlPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var controls = app.MapGroup(ApiUrls.Controls).WithTags("Controls").DisableAntiforgery();

        controls.MapGet("/", async (ListControls list, string? q, ControlStatus? status, string? owner, string? annexA, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await list.Handle(new(q, status, owner, annexA, page ?? 1, pageSize ?? 25), ct);
                return Results.Ok(new RisksApi.PageDto<ListControls.Row>(result.Items, result.PageNumber, result.PageSize, result.TotalCount, result.PageCount));
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

        controls.MapPost("/", async (ControlBody body, SaveControl save, Core.Frameworks.ListRequirements requirements, CancellationToken ct) =>
            {
                var saved = await save.Handle(new(null, Details(body), await RequirementIds(requirements, body.Implements, ct), 0), ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Control(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateControl").WithSummary("Adds a control; implements lists Annex A codes such as A.5.15.");

        controls.MapPut("/{id:guid}", async (Guid id, ControlBody body, SaveControl save, Core.Frameworks.ListRequirements requirements, CancellationToken ct) =>
            {
                var saved = await save.Handle(new(id, Details(body), await RequirementIds(requirements, body.Implements, ct), body.Version), ct);
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
                var saved = await save.Handle(new(code, new SoaEntry.Decision(body.Applicable, body.Reasons ?? [], body.ExclusionJustification, body.StatusOverride, body.OverrideReason, body.Notes), body.Version), ct);
                return saved.Succeeded ? Results.Ok(new { code }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("DecideSoaRow").WithSummary("Records the decision for one Annex A control, e.g. PUT /api/v1/soa/A.8.28.");
    }

    private static Control.Details Details(ControlBody b) => new(b.Reference ?? "", b.Name ?? "", b.Description, b.OwnerId, b.Type, b.Frequency, b.Status);

    private static async Task<List<Guid>> RequirementIds(Core.Frameworks.ListRequirements requirements, IReadOnlyList<string>? codes, CancellationToken ct)
    {
        if (codes is null || codes.Count == 0)
        {
            return [];
        }

        var all = await requirements.Controls(ct);
        // An unknown code becomes an empty id, which the use case reports as not a catalogue control.
        return codes.Select(code => all.TryGetValue(code.Trim(), out var id) ? id : Guid.Empty).ToList();
    }
}
