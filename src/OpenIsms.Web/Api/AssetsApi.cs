using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Api;

/// <summary>/api/v1 for the asset inventory: the same use cases and permissions as the pages.</summary>
public sealed class AssetsApi : IEndpointGroup
{
    public sealed record AssetSummary
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required string Type { get; init; }

        public required string? Owner { get; init; }

        public required string? Classification { get; init; }

        public required int Confidentiality { get; init; }

        public required int Integrity { get; init; }

        public required int Availability { get; init; }

        public required string Criticality { get; init; }

        public required bool InScope { get; init; }

        public required int Version { get; init; }
    }

    public sealed record Need(int Value, string? From);

    public sealed record AssetDetail
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Name { get; init; }

        public required string Type { get; init; }

        public required string? Category { get; init; }

        public required string? Description { get; init; }

        public required string? OwnerId { get; init; }

        public required string? Owner { get; init; }

        public required string? Custodian { get; init; }

        public required string? Location { get; init; }

        public required string? Classification { get; init; }

        public required int Confidentiality { get; init; }

        public required int Integrity { get; init; }

        public required int Availability { get; init; }

        public required string Criticality { get; init; }

        public required bool InScope { get; init; }

        public required Need InheritedConfidentiality { get; init; }

        public required Need InheritedIntegrity { get; init; }

        public required Need InheritedAvailability { get; init; }

        public required IReadOnlyList<string> DependsOn { get; init; }

        public required IReadOnlyList<string> UsedBy { get; init; }

        public required IReadOnlyList<string> Risks { get; init; }

        public required int Version { get; init; }
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(AssetPermissions.Read) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var edit = new HasPermissionAttribute(AssetPermissions.Edit) { AuthenticationSchemes = ApiTokenHandler.SchemeName };
        var assets = app.MapGroup(ApiUrls.Assets).WithTags("Assets").DisableAntiforgery();

        assets.MapGet("/", async (ListAssets list, string? q, AssetType? type, string? owner, string? classification, Criticality? criticality, bool? inScope,
                AssetSort? sort, bool? desc, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await list.Handle(new()
                {
                    Search = q,
                    Type = type,
                    OwnerId = owner,
                    Classification = classification,
                    Criticality = criticality,
                    InScope = inScope,
                    Sort = sort ?? AssetSort.Reference,
                    Descending = desc ?? false,
                    Page = page ?? 1,
                    PageSize = pageSize ?? 25,
                }, ct);
                return Results.Ok(new RisksApi.PageDto<AssetSummary>
                {
                    Items = result.Items.Select(a => new AssetSummary
                    {
                        Id = a.Id,
                        Reference = a.Reference,
                        Name = a.Name,
                        Type = a.Type.ToString(),
                        Owner = a.OwnerName,
                        Classification = a.Classification,
                        Confidentiality = a.Confidentiality,
                        Integrity = a.Integrity,
                        Availability = a.Availability,
                        Criticality = a.Criticality.ToString(),
                        InScope = a.InScope,
                        Version = a.Version,
                    }).ToList(),
                    Page = result.PageNumber,
                    PageSize = result.PageSize,
                    TotalCount = result.TotalCount,
                    PageCount = result.PageCount,
                });
            })
            .RequireAuthorization(read).WithName("ListAssets").WithSummary("The asset inventory, filtered and paged (owner=none for assets without an owner).");

        assets.MapGet("/{id:guid}", async (Guid id, GetAsset get, ListAssetRisks assetRisks, CancellationToken ct) =>
            {
                if (await get.Handle(id, ct) is not { } v)
                {
                    return ApiProblems.From(Result.NotFound());
                }

                var a = v.Asset;
                var risks = await assetRisks.Handle(id, ct);
                return Results.Ok(new AssetDetail
                {
                    Id = a.Id,
                    Reference = a.Reference,
                    Name = a.Name,
                    Type = a.Type.ToString(),
                    Category = a.Category,
                    Description = a.Description,
                    OwnerId = a.OwnerId,
                    Owner = v.OwnerName,
                    Custodian = a.Custodian,
                    Location = a.Location,
                    Classification = a.Classification,
                    Confidentiality = a.Confidentiality,
                    Integrity = a.Integrity,
                    Availability = a.Availability,
                    Criticality = a.Criticality.ToString(),
                    InScope = a.InScope,
                    InheritedConfidentiality = new(v.Confidentiality.Value, v.Confidentiality.FromReference),
                    InheritedIntegrity = new(v.Integrity.Value, v.Integrity.FromReference),
                    InheritedAvailability = new(v.Availability.Value, v.Availability.FromReference),
                    DependsOn = v.DependsOn.Select(d => d.Reference).ToList(),
                    UsedBy = v.UsedBy.Select(d => d.Reference).ToList(),
                    Risks = risks.Select(r => r.Reference).ToList(),
                    Version = a.Version,
                });
            })
            .RequireAuthorization(read).WithName("GetAsset").WithSummary("One asset with its dependencies, inherited protection need and risks.");

        assets.MapPost("/", async (SaveAsset.Command body, SaveAsset save, CancellationToken ct) =>
            {
                body.Id = null;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Created(ApiUrls.Asset(saved.Value), new { id = saved.Value }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("CreateAsset").WithSummary("Adds an asset; an empty reference takes the next AST-number.");

        assets.MapPut("/{id:guid}", async (Guid id, SaveAsset.Command body, SaveAsset save, CancellationToken ct) =>
            {
                body.Id = id;
                var saved = await save.Handle(body, ct);
                return saved.Succeeded ? Results.Ok(new { id }) : ApiProblems.From(saved);
            })
            .RequireAuthorization(edit).WithName("UpdateAsset").WithSummary("Replaces an asset's details; send the version you read (409 if it changed since).");
    }
}
