using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1 for the asset inventory: the same use cases and permissions as the pages.</summary>
public sealed class AssetsApi : IEndpointGroup
{
    public sealed record AssetBody(
        string? Reference, string Name, AssetType Type, string? Category, string? Description, string? OwnerId, string? Custodian, string? Location,
        string? Classification, int Confidentiality = 2, int Integrity = 2, int Availability = 2, Criticality Criticality = Criticality.Medium, bool InScope = true, int Version = 0);

    public sealed record AssetSummary(Guid Id, string Reference, string Name, string Type, string? Owner, string? Classification, int Confidentiality, int Integrity, int Availability, string Criticality, bool InScope, int Version);

    public sealed record Need(int Value, string? From);

    public sealed record AssetDetail(
        Guid Id, string Reference, string Name, string Type, string? Category, string? Description, string? OwnerId, string? Owner, string? Custodian, string? Location,
        string? Classification, int Confidentiality, int Integrity, int Availability, string Criticality, bool InScope,
        Need InheritedConfidentiality, Need InheritedIntegrity, Need InheritedAvailability, IReadOnlyList<string> DependsOn, IReadOnlyList<string> UsedBy, IReadOnlyList<string> Risks, int Version);

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(AssetPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(AssetPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var assets = app.MapGroup(ApiUrls.Assets).WithTags("Assets").DisableAntiforgery();

        assets.MapGet("/", async (ListAssets list, string? q, AssetType? type, string? owner, string? classification, Criticality? criticality, bool? inScope,
                AssetSort? sort, bool? desc, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await list.Handle(new(q, type, owner, classification, criticality, inScope, sort ?? AssetSort.Reference, desc ?? false, page ?? 1, pageSize ?? 25), ct);
                return Results.Ok(new RisksApi.PageDto<AssetSummary>(result.Items.Select(a => new AssetSummary(a.Id, a.Reference, a.Name, a.Type.ToString(), a.OwnerName,
                    a.Classification, a.Confidentiality, a.Integrity, a.Availability, a.Criticality.ToString(), a.InScope, a.Version)).ToList(),
                    result.PageNumber, result.PageSize, result.TotalCount, result.PageCount));
            })
            .RequireAuthorization(read).WithName("ListAssets").WithSummary("The asset inventory, filtered and paged (owner=none for assets without an owner).");

        assets.MapGet("/{id:guid}", async (Guid id, GetAsset get, CancellationToken ct) =>
            {
                if (await get.Handle(id, ct) is not { } v)
                {
                    return ApiProblems.From(Result.NotFound());
                }

                var a = v.Asset;
                return Results.Ok(new AssetDetail(a.Id, a.Reference, a.Name, a.Type.ToString(), a.Category, a.Description, a.OwnerId, v.OwnerName, a.Custodian, a.Location,
                    a.Classification, a.Confidentiality, a.Integrity, a.Availability, a.Criticality.ToString(), a.InScope,
                    new(v.Confidentiality.Value, v.Confidentiality.FromReference), new(v.Integrity.Value, v.Integrity.FromReference), new(v.Availability.Value, v.Availability.FromReference),
                    v.DependsOn.Select(d => d.Reference).ToList(), v.UsedBy.Select(d => d.Reference).ToList(), v.Risks.Select(r => r.Reference).ToList(), a.Version));
            })
            .RequireAuthorization(read).WithName("GetAsset").WithSummary("One asset with its dependencies, inherited protection need and risks.");

        assets.MapPost("/", async (AssetBody body, SaveAsset save, CancellationToken ct) =>
            {
                var saved = await save.Handle(new(null, Details(body), 0), ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Asset(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateAsset").WithSummary("Adds an asset; an empty reference takes the next AST-number.");

        assets.MapPut("/{id:guid}", async (Guid id, AssetBody body, SaveAsset save, CancellationToken ct) =>
            {
                var saved = await save.Handle(new(id, Details(body), body.Version), ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateAsset").WithSummary("Replaces an asset's details; send the version you read (409 if it changed since).");
    }

    private static Asset.Details Details(AssetBody b) => new(
        b.Reference ?? "", b.Name ?? "", b.Type, b.Category, b.Description, b.OwnerId, b.Custodian, b.Location, b.Classification,
        b.Confidentiality, b.Integrity, b.Availability, b.Criticality, b.InScope);
}
