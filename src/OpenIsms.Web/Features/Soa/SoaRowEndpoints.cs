using Microsoft.AspNetCore.Http.HttpResults;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Soa;
using OpenIsms.Core.Security;
using OpenIsms.Web.Infrastructure;

namespace OpenIsms.Web.Features.Soa;

/// <summary>htmx fragments for editing one SoA row in place: the row, its quick editor, and saving it. The pages work without them.</summary>
public sealed class SoaRowEndpoints : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/soa/rows/{code}", async (string code, GetSoa get, ICurrentUser user, CancellationToken ct) =>
                await Line(get, code, ct) is { } line ? Row(line, canEdit: user.Has(ControlPermissions.Edit)) : Results.NotFound())
            .RequireAuthorization(new HasPermissionAttribute(ControlPermissions.Read));

        app.MapGet("/soa/rows/{code}/edit", async (string code, GetSoa get, CancellationToken ct) =>
            {
                if (await Line(get, code, ct) is not { } line)
                {
                    return Results.NotFound();
                }

                var e = line.Entry;
                return SoaRowEditor.Fragment(line, e?.Applicable, e?.ReasonList.Select(r => r.ToString()).ToList() ?? [], e?.ExclusionJustification, e?.Version ?? 0);
            })
            .RequireAuthorization(new HasPermissionAttribute(ControlPermissions.Edit));

        app.MapPost("/soa/rows/{code}", async (string code, IFormCollection form, GetSoa get, SaveSoaEntry save, CancellationToken ct) =>
            {
                if (await Line(get, code, ct) is not { } line)
                {
                    return Results.NotFound();
                }

                string Field(string name) => SoaRowEditor.FieldName(line.Row.Code, name);
                bool? applicable = form[Field("applicable")].ToString() switch { "yes" => true, "no" => false, _ => null };
                var reasons = SoaEntry.ParseReasons(form[Field("reasons")]);
                var justification = form[Field("justification")].ToString();
                var version = int.TryParse(form[Field("version")], out var n) ? n : 0;
                var e = line.Entry;
                var decision = new SoaEntry.Decision
                {
                    Applicable = applicable,
                    Reasons = reasons,
                    ExclusionJustification = justification,
                    InclusionJustification = e?.InclusionJustification,
                    StatusOverride = e?.StatusOverride,
                    OverrideReason = e?.OverrideReason,
                    Notes = e?.Notes,
                };
                var saved = await save.Handle(new(line.Row.Code, decision, version), ct);
                if (saved.Succeeded)
                {
                    return SoaRowSaved.Fragment((await Line(get, code, ct))!, await get.Summary(ct: ct));
                }

                var message = saved.Conflict is { } c
                    ? $"{c.ChangedBy} changed this row since you opened it; nothing was overwritten. Cancel to see their version, or save again to replace it."
                    : saved.Kind == ResultKind.Forbidden ? "You do not have permission to do this." : null;
                return SoaRowEditor.Fragment(line, applicable, reasons.Select(r => r.ToString()).ToList(), justification, saved.Conflict?.CurrentVersion ?? version, saved.Errors, message);
            })
            .RequireAuthorization(new HasPermissionAttribute(ControlPermissions.Edit));
    }

    private static async Task<GetSoa.Line?> Line(GetSoa get, string code, CancellationToken ct) => (await get.Summary(code, ct)).Lines.FirstOrDefault();

    private static RazorComponentResult<SoaRowView> Row(GetSoa.Line line, bool canEdit, bool saved = false) => SoaRowView.Fragment(line, canEdit, saved);
}
