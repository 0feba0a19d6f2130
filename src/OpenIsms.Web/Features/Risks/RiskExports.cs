using OpenIsms.Core.Common;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Web.Components.Shared;
using OpenIsms.Web.Infrastructure;
using OpenIsms.Web.Infrastructure.Exports;

namespace OpenIsms.Web.Features.Risks;

/// <summary>
/// Downloads of the risk register (with the register's filters) and the treatment plan: CSV and XLSX, the plan also
/// as DOCX. Rows stream from the database to the file.
/// </summary>
public sealed class RiskExports : IEndpointGroup
{
    /// <summary>The register as a controlled workbook: its file, title, document id, clause and sheet.</summary>
    public static readonly RegisterSheet Sheet = new()
    {
        File = "risk-register", Title = "Risk register", DocumentId = "OIM-RISK-REGISTER",
        Clause = "ISO/IEC 27001:2022 clause 6.1.2 (risk assessment results, clause 8.2)", Sheet = "Risk register",
    };

    /// <summary>The treatment plan as a controlled workbook (its download and the Stage 1 pack).</summary>
    public static readonly RegisterSheet PlanSheet = new()
    {
        File = "risk-treatment-plan", Title = "Risk treatment plan", DocumentId = "OIM-TREATMENT-PLAN",
        Clause = "ISO/IEC 27001:2022 clause 6.1.3 e (results, clause 8.3)", Sheet = "Treatment plan",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(RiskPermissions.Read);
        app.MapGet("/risks/export.{format:regex(^(csv|xlsx)$)}", (string format, HttpContext http, ExportRisks export, ExportDocuments documents, CancellationToken ct) =>
        {
            // The register's own filter, as its export link carries it (no cell, sort or page: every matching risk, by id).
            var filters = RiskFilter.Parse(key => http.Request.Query[key]) with { LevelOf = RatingKind.Residual, CellLikelihood = null, CellImpact = null, Sort = RiskSort.Reference, Descending = false };
            return documents.Register(http.Response, format, Sheet, ExportRisks.Columns, export.Handle(filters, ct), ct);
        }).RequireAuthorization(read);

        // A methodology version as a file that imports back as it was (into a draft, here or in another installation).
        app.MapGet("/risks/methodology/{number:int}/methodology.{format:regex(^(yaml|json)$)}", async (int number, string format, HttpContext http, GetMethodology methodologies, CancellationToken ct) =>
        {
            if ((await methodologies.Handle(number, ct))?.Shown is not { } version)
            {
                return Results.NotFound();
            }

            var text = format == "yaml" ? MethodologyFile.Yaml(version.Name, version.Definition) : MethodologyFile.Json(version.Name, version.Definition);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(text), format == "yaml" ? "application/yaml; charset=utf-8" : "application/json; charset=utf-8",
                $"risk-methodology-v{version.Number}.{format}");
        }).RequireAuthorization(read);

        app.MapGet("/risks/treatment-plan.{format:regex(^(csv|xlsx|docx)$)}", async (string format, HttpContext http, ExportTreatmentPlan export, ExportDocuments documents, Clock clock, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            // The plan page's own filter, as its export link carries it (every matching action, no page).
            var filters = TreatmentPlanFilter.Parse(key => q[key]).Unpaged;
            var name = $"{await documents.FileStem(PlanSheet, ct)}.{format}";
            var rows = export.Handle(filters, ct);
            var control = await documents.Control(PlanSheet.Title, PlanSheet.DocumentId, $"Extract of {await clock.Today(ct):d MMMM yyyy} (the plan is kept live in OpenIsms)",
                PlanSheet.Clause, null, null, ct);
            switch (format)
            {
                case "csv":
                    await TableExport.Csv(http.Response, name, ExportTreatmentPlan.Columns, rows, ct);
                    break;
                case "xlsx":
                    await TableExport.Xlsx(http.Response, name, PlanSheet.Sheet, control, ExportTreatmentPlan.Columns, rows, ct);
                    break;
                default:
                    await TableExport.Docx(http.Response, name, control, $"{control.Clause}. Produced {control.Generated}.", ExportTreatmentPlan.Columns, rows, ct);
                    break;
            }
        }).RequireAuthorization(read);
    }
}
