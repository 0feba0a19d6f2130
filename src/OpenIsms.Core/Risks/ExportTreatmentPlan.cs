using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>The treatment plan as rows for an export, in plan order, streamed.</summary>
public sealed class ExportTreatmentPlan(OpenIsmsDbContext db, ListTreatmentPlan plan)
{
    public static readonly string[] Columns = ["Risk", "Risk title", "Action", "Owner", "Due", "Status", "Annex A control", "Treatment"];

    public async IAsyncEnumerable<object?[]> Handle(TreatmentPlanFilter filters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var people = await Imports.UserLookup.ExportNames(db, ct);
        await foreach (var a in plan.Rows(filters, today).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [a.RiskReference, a.RiskTitle, a.Title, a.OwnerId is null ? null : people.GetValueOrDefault(a.OwnerId), a.Due, Common.Text.Words(a.Status.ToString()), a.ControlCode, a.Treatment?.ToString()];
        }
    }
}
