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
                return new RazorComponentResult<SoaRowEditor>(new
                {
                    Line = line, Applicable = e?.Applicable, Reasons = (IReadOnlyCollection<string>)(e?.ReasonList.Select(r => r.ToString()).ToList() ?? []),
                    Justification = e?.ExclusionJustification, Version = e?.Version ?? 0,
                });
            })
            .RequireAuthorization(new HasPermissionAttribute(ControlPermissions.Edit));

        app.MapPost("/soa/rows/{code}", async (string code, IFormCollection form, GetSoa get, SaveSoaEntry save, CancellationToken ct) =>
            {
                if (await Line(get, code, ct) is not { } line)
                {
                    return Results.NotFound();
                }

                var key = $"row-{line.Row.Code}-";
                bool? applicable = form[key + "applicable"].ToString() switch { "yes" => true, "no" => false, _ => null };
                var reasons = SoaEntry.ParseReasons(form[key + "reasons"]);
                var justification = form[key + "justification"].ToString();
                var version = int.TryParse(form[key + "version"], out var n) ? n : 0;
                var e = line.Entry;
                var decision = new SoaEntry.Decision
                {
                    Applicable = applicable,
                    Reasons = reasons,
                    ExclusionJustification = justification,
                    StatusOverride = e?.StatusOverride,
                    OverrideReason = e?.OverrideReason,
                    Notes = e?.Notes,
                };
                var saved = await save.Handle(new(line.Row.Code, decision, version), ct);
                if (saved.Succeeded)
                {
                    return new RazorComponentResult<SoaRowSaved>(new { Line = (await Line(get, code, ct))!, View = await get.Summary(ct: ct) });
                }

                var message = saved.Conflict is { } c
                    ? $"{c.ChangedBy} changed this row since you opened it; nothing was overwritten. Cancel to see their version, or save again to replace it."
                    : saved.Kind == ResultKind.Forbidden ? "You do not have permission to do this." : null;
                return new RazorComponentResult<SoaRowEditor>(new
                {
                    Line = line, Applicable = applicable, Reasons = (IReadOnlyCollection<string>)reasons.Select(r => r.ToString()).ToList(), Justification = justification,
                    Version = saved.Conflict?.CurrentVersion ?? version, Errors = saved.Errors, Message = message,
                });
            })
            .RequireAuthorization(new HasPermissionAttribute(ControlPermissions.Edit));
    }

    private static async Task<GetSoa.Line?> Line(GetSoa get, string code, CancellationToken ct) => (await get.Summary(code, ct)).Lines.FirstOrDefault();

    private static RazorComponentResult<SoaRowView> Row(GetSoa.Line line, bool canEdit, bool saved = false) => new(new { Line = line, CanEdit = canEdit, Saved = saved });
}
