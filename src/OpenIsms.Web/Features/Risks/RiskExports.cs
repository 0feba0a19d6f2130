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
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = new HasPermissionAttribute(RiskPermissions.Read);
        app.MapGet("/risks/export.{format:regex(^(csv|xlsx)$)}", async (string format, HttpContext http, ExportRisks export, Clock clock, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            // The register's own filter, as its export link carries it (no cell, sort or page: every matching risk, by id).
            var filters = RiskFilter.Parse(key => q[key]) with { LevelOf = RatingKind.Residual, CellLikelihood = null, CellImpact = null, Sort = RiskSort.Reference, Descending = false };
            var name = $"risk-register-{await clock.Today(ct):yyyy-MM-dd}.{format}";
            var rows = export.Handle(filters, ct);
            if (format == "csv")
            {
                await TableExport.Csv(http.Response, name, ExportRisks.Columns, rows, ct);
            }
            else
            {
                await TableExport.Xlsx(http.Response, name, "Risk register", ExportRisks.Columns, rows, ct);
            }
        }).RequireAuthorization(read);

        app.MapGet("/risks/treatment-plan.{format:regex(^(csv|xlsx|docx)$)}", async (string format, HttpContext http, ExportTreatmentPlan export, GetOrganisation organisation, Clock clock, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            // The plan page's own filter, as its export link carries it (every matching action, no page).
            var filters = TreatmentPlanFilter.Parse(key => q[key]).Unpaged;
            var name = $"risk-treatment-plan-{await clock.Today(ct):yyyy-MM-dd}.{format}";
            var rows = export.Handle(filters, ct);
            switch (format)
            {
                case "csv":
                    await TableExport.Csv(http.Response, name, ExportTreatmentPlan.Columns, rows, ct);
                    break;
                case "xlsx":
                    await TableExport.Xlsx(http.Response, name, "Treatment plan", ExportTreatmentPlan.Columns, rows, ct);
                    break;
                default:
                    var org = (await organisation.Handle(ct))?.Name ?? "";
                    await TableExport.Docx(http.Response, name, $"Risk treatment plan — {org}",
                        $"ISO/IEC 27001:2022 clause 6.1.3 e. Exported {OpenIsms.Core.Activity.DescribeActivity.Absolute(clock.UtcNow, await clock.Zone(ct))} from OpenIsms.", ExportTreatmentPlan.Columns, rows, ct);
                    break;
            }
        }).RequireAuthorization(read);
    }
}
