using OpenIsms.Core.Assets;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Assets;

/// <summary>The asset inventory as CSV or XLSX, under the inventory's filters; it imports back unchanged.</summary>
public sealed class AssetExports : IEndpointGroup
{
    /// <summary>The register as a controlled workbook: its file, title, document id, clause and sheet.</summary>
    public static readonly RegisterSheet Sheet = new()
    {
        File = "asset-inventory", Title = "Asset inventory", DocumentId = "OIM-ASSETS",
        Clause = "ISO/IEC 27001:2022 Annex A 5.9 (inventory of information and other associated assets)", Sheet = "Assets",
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assets/export.{format:regex(^(csv|xlsx)$)}", (string format, HttpContext http, ExportAssets export, ExportDocuments documents, CancellationToken ct) =>
            documents.Register(http.Response, format, Sheet, ExportAssets.Columns,
                export.Handle(AssetFilter.Parse(key => http.Request.Query[key]) with { Page = 1 }, ct), ct))
        .RequireAuthorization(new HasPermissionAttribute(AssetPermissions.Read));
}
