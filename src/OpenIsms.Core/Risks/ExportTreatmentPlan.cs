using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>
/// The risk treatment plan (clause 6.1.3 e) as rows for an export, streamed: each action in plan order with what it
/// needs, the risk's residual level and the owner's acceptance of it (6.1.3 f); then, when the plan is not narrowed to
/// some owner, status or overdue actions, each treated risk the rows above do not name (accepted or avoided without
/// actions, or with its actions finished), so the plan accounts for every treated risk.
/// </summary>
public sealed class ExportTreatmentPlan(OpenIsmsDbContext db, ListTreatmentPlan plan)
{
    public static readonly string[] Columns =
    [
        "Risk", "Risk title", "Action", "Owner", "Due", "Status", "Annex A control", "Treatment", "Resources",
        "Residual risk", "Residual risk accepted by", "Accepted on", "Acceptance valid until",
    ];

    public async IAsyncEnumerable<object?[]> Handle(TreatmentPlanFilter filters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var zone = await db.Clock.Zone(ct);
        var people = await Users.PersonNames.ForExport(db, ct);
        var acceptances = await Acceptances.InForce(db, ct);
        var levels = await ApprovedLevels.Names(db, ct);
        string? Residual(int? level, int? score) => ApprovedLevels.Of(levels, level) is { } name ? $"{name} (score {score})" : null;
        object?[] Acceptance(Guid riskId) => acceptances.TryGetValue(riskId, out var a)
            ? [a.AcceptedByName, Common.Clock.DateOf(a.AcceptedAt, zone), a.ExpiresOn]
            : [null, null, null];

        await foreach (var a in plan.Rows(filters, today).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return
            [
                a.RiskReference, a.RiskTitle, a.Title, a.OwnerId is null ? null : people.GetValueOrDefault(a.OwnerId), a.Due, Common.Text.Words(a.Status.ToString()),
                a.ControlCode, a.Treatment?.ToString(), a.Resources, Residual(a.ResidualLevel, a.ResidualScore), .. Acceptance(a.RiskId),
            ];
        }

        // Risks treated without actions belong in the plan as they are: only when every action is listed, not some.
        if (filters.OwnerId is not null || filters.Status is not null || filters.OverdueOnly)
        {
            yield break;
        }

        var bare = plan.RisksWithoutOpenActions(filters);
        await foreach (var r in bare.Select(r => new { r.Id, r.Reference, r.Title, r.Treatment, r.ResidualLevel, r.ResidualScore }).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [r.Reference, r.Title, null, null, null, null, null, r.Treatment?.ToString(), null, Residual(r.ResidualLevel, r.ResidualScore), .. Acceptance(r.Id)];
        }
    }
}
