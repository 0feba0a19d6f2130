using OpenIsms.Core.Improvements;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Improvements;

/// <summary>The improvement register as CSV or XLSX under the register's filter.</summary>
public sealed class ImprovementEndpoints : IEndpointGroup
{
    /// <summary>The register as a controlled workbook: its file, title, document id, clause and sheet.</summary>
    public static readonly RegisterSheet Sheet = new()
    {
        File = "improvements", Title = "Improvement register", DocumentId = "OIM-IMP",
        Clause = "ISO/IEC 27001:2022 clause 10.1 (continual improvement)", Sheet = "Improvements",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/improvements/export.{format:regex(^(csv|xlsx)$)}", (string format, HttpContext http, ExportImprovements export, ExportDocuments documents, CancellationToken ct) =>
                documents.Register(http.Response, format, Sheet, ExportImprovements.Columns, export.Handle(ImprovementFilter.Parse(key => http.Request.Query[key]) with { Page = 1 }, ct), ct))
            .RequireAuthorization(new HasPermissionAttribute(ImprovementPermissions.Read));
    }
}
