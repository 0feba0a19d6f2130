using OpenIsms.Core.Improvements;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Improvements;

/// <summary>The improvement register as CSV or XLSX under the register's filter.</summary>
public sealed class ImprovementEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/improvements/export.{format:regex(^(csv|xlsx)$)}", (string format, HttpContext http, ExportImprovements export, ExportDocuments documents, CancellationToken ct) =>
                documents.Register(http.Response, format, "improvements", "Improvement register", "OIM-IMP", "ISO/IEC 27001:2022 clause 10.1 (continual improvement)",
                    "Improvements", ExportImprovements.Columns, export.Handle(ImprovementFilter.Parse(key => http.Request.Query[key]) with { Page = 1 }, ct), ct))
            .RequireAuthorization(new HasPermissionAttribute(ImprovementPermissions.Read));
    }
}
