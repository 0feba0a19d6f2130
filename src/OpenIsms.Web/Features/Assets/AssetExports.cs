using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Assets;

/// <summary>The asset inventory as CSV or XLSX, under the inventory's filters; it imports back unchanged.</summary>
public sealed class AssetExports : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/export.{format:regex(^(csv|xlsx)$)}", async (string format, HttpContext http, ExportAssets export, ExportDocuments documents, Clock clock, CancellationToken ct) =>
        {
            var filter = AssetFilter.Parse(key => http.Request.Query[key]) with { Page = 1 };
            var name = $"asset-inventory-{await clock.Today(ct):yyyy-MM-dd}.{format}";
            var rows = export.Handle(filter, ct);
            if (format == "csv")
            {
                await TableExport.Csv(http.Response, name, ExportAssets.Columns, rows, ct);
                return;
            }

            var control = await documents.Control("Asset inventory", "OIM-ASSETS", $"Extract of {await clock.Today(ct):d MMMM yyyy} (the inventory is kept live in OpenIsms)",
                "ISO/IEC 27001:2022 Annex A 5.9 (inventory of information and other associated assets)", null, null, ct);
            await TableExport.Xlsx(http.Response, name, "Assets", control, ExportAssets.Columns, rows, ct);
        }).RequireAuthorization(new HasPermissionAttribute(AssetPermissions.Read));
    }
}
