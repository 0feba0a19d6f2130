using OpenIsms.Core.Controls;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Controls;

/// <summary>The controls register as CSV or XLSX, under the register's filters; it imports back unchanged.</summary>
public sealed class ControlExports : IEndpointGroup
{
    /// <summary>The register as a controlled workbook: its file, title, document id, clause and sheet.</summary>
    public static readonly RegisterSheet Sheet = new()
    {
        File = "controls", Title = "Controls register", DocumentId = "OIM-CONTROLS",
        Clause = "ISO/IEC 27001:2022 clauses 6.1.3 b and 8.1", Sheet = "Controls",
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/controls/export.{format:regex(^(csv|xlsx)$)}", (string format, HttpContext http, ExportControls export, ExportDocuments documents, CancellationToken ct) =>
            documents.Register(http.Response, format, Sheet, ExportControls.Columns, export.Handle(ControlFilter.Parse(key => http.Request.Query[key]) with { Page = 1 }, ct), ct))
        .RequireAuthorization(new HasPermissionAttribute(ControlPermissions.Read));
}
