using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Controls;

/// <summary>The controls register as CSV or XLSX, under the register's filters; it imports back unchanged.</summary>
public sealed class ControlExports : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/controls/export.{format:regex(^(csv|xlsx)$)}", async (string format, HttpContext http, ExportControls export, ExportDocuments documents, Clock clock, CancellationToken ct) =>
        {
            var filter = ControlFilter.Parse(key => http.Request.Query[key]) with { Page = 1 };
            var name = $"controls-{await clock.Today(ct):yyyy-MM-dd}.{format}";
            var rows = export.Handle(filter, ct);
            if (format == "csv")
            {
                await TableExport.Csv(http.Response, name, ExportControls.Columns, rows, ct);
                return;
            }

            var control = await documents.Control("Controls register", "OIM-CONTROLS", $"Extract of {await clock.Today(ct):d MMMM yyyy} (the register is kept live in OpenIsms)",
                "ISO/IEC 27001:2022 clauses 6.1.3 b and 8.1", null, null, ct);
            await TableExport.Xlsx(http.Response, name, "Controls", control, ExportControls.Columns, rows, ct);
        }).RequireAuthorization(new HasPermissionAttribute(ControlPermissions.Read));
    }
}
