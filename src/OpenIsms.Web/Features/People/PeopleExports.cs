using OpenIsms.Core.People;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.People;

/// <summary>The staff list as CSV or XLSX, under the list's filter; it imports back unchanged.</summary>
public sealed class PeopleExports : IEndpointGroup
{
    /// <summary>The register as a controlled workbook: its file, title, document id, clause and sheet.</summary>
    public static readonly RegisterSheet Sheet = new()
    {
        File = "people", Title = "Staff list", DocumentId = "OIM-PEOPLE",
        Clause = "ISO/IEC 27001:2022 clauses 5.2 c, 7.2 and 7.3 (the people communicated to)", Sheet = "People",
    };

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/people/export.{format:regex(^(csv|xlsx)$)}", (string format, HttpContext http, ExportPeople export, ExportDocuments documents, CancellationToken ct) =>
            documents.Register(http.Response, format, Sheet, ExportPeople.Columns, export.Handle(PersonFilter.Parse(key => http.Request.Query[key]) with { Page = 1 }, ct), ct))
        .RequireAuthorization(new HasPermissionAttribute(PeoplePermissions.Read));
}
