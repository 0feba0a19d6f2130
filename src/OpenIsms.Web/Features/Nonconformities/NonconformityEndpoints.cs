using OpenIsms.Core.Nonconformities;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Nonconformities;

/// <summary>The nonconformity register as CSV or XLSX under the register's filter.</summary>
public sealed class NonconformityEndpoints : IEndpointGroup
{
    /// <summary>The register as a controlled workbook: its file, title, document id, clause and sheet.</summary>
    public static readonly RegisterSheet Sheet = new()
    {
        File = "nonconformities", Title = "Nonconformity register", DocumentId = "OIM-NCR",
        Clause = "ISO/IEC 27001:2022 clause 10.2 (nonconformity and corrective action)", Sheet = "Nonconformities",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/nonconformities/export.{format:regex(^(csv|xlsx)$)}", (string format, HttpContext http, ExportNonconformities export, ExportDocuments documents, CancellationToken ct) =>
                documents.Register(http.Response, format, Sheet, ExportNonconformities.Columns, export.Handle(NonconformityFilter.Parse(key => http.Request.Query[key]) with { Page = 1 }, ct), ct))
            .RequireAuthorization(new HasPermissionAttribute(NonconformityPermissions.Read));
    }
}
