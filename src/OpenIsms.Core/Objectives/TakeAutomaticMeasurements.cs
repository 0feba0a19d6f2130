using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Competences;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Objectives;

/// <summary>
/// Measures each active automatic metric whose value is due (the schedule is the metric's next due date, in the
/// database), from OpenIsms's own records, as the system. Two nodes running it at once measure each metric once: the
/// metric's version makes the second save a conflict, which is read as "already done".
/// </summary>
public sealed class TakeAutomaticMeasurements(OpenIsmsDbContext db)
{
    public async Task<int> Handle(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var due = await db.Set<Metric>().AsNoTracking().Where(m => m.Source != MetricSource.Manual && m.RetiredOn == null && m.NextDueOn <= today)
            .Select(m => m.Id).ToListAsync(ct);
        var taken = 0;
        foreach (var id in due)
        {
            taken += await MeasureOne(id, today, ct) ? 1 : 0;
        }

        return taken;
    }

    /// <summary>Measures one automatic metric now, due or not ("Measure now" on its page).</summary>
    public async Task<Result<Guid>> Now(Guid metricId, int version, CancellationToken ct = default)
    {
        var (metric, failure) = await db.LoadForChange<Metric>(metricId, version, ObjectivePermissions.Measure, ct: ct);
        if (metric is null)
        {
            return Result<Guid>.From(failure!);
        }

        if (metric.Source == MetricSource.Manual || metric.IsRetired)
        {
            return Result<Guid>.From(Result.Fail(metric.IsRetired ? "The metric is retired." : "This metric's values are entered by a person."));
        }

        var measurement = Measurement.Take(metric, await db.Clock.Today(ct), await Value(metric.Source, await db.Clock.Today(ct), ct), "Measured by OpenIsms on request.", db.CurrentUser.DisplayName, null);
        db.Add(measurement);
        metric.Measured(measurement.TakenOn);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? measurement.Id : Result<Guid>.From(saved);
    }

    private async Task<bool> MeasureOne(Guid id, DateOnly today, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var metric = await db.Set<Metric>().FirstOrDefaultAsync(m => m.Id == id && m.NextDueOn <= today && m.RetiredOn == null, ct);
        if (metric is null)
        {
            return false; // measured a moment ago by another node
        }

        db.Add(Measurement.Take(metric, today, await Value(metric.Source, today, ct), "Measured by OpenIsms on schedule.", SystemUser.Instance.DisplayName, null));
        metric.Measured(today);
        var saved = await db.SaveAsync(ct);
        db.ChangeTracker.Clear();
        return saved.Succeeded;
    }

    /// <summary>The value of an automatic metric today, from the records it is defined on.</summary>
    public async Task<decimal> Value(MetricSource source, DateOnly today, CancellationToken ct) => source switch
    {
        MetricSource.OverdueTreatmentActions => await db.Set<TreatmentAction>().CountAsync(a => (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress)
            && a.Due != null && a.Due < today && db.Set<Risk>().Any(r => r.Id == a.RiskId && r.Status != RiskStatus.Closed), ct),
        MetricSource.OverdueRiskReviews => await db.Set<Risk>().CountAsync(r => r.Status != RiskStatus.Closed && r.NextReview != null && r.NextReview < today, ct),
        MetricSource.OverdueDocumentReviews => await db.Set<ControlledDocument>().CountAsync(d => d.Status == DocumentStatus.Approved && d.NextReview != null && d.NextReview < today, ct),
        MetricSource.CompetenceNeedsMet => await CompetenceMet(today, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "A manual metric has no automatic value."),
    };

    private async Task<decimal> CompetenceMet(DateOnly today, CancellationToken ct)
    {
        var pairs = await CompetenceNeeds.Pairs(db, CompetenceNeeds.Current(db, today), today, everyone: true, ct);
        return pairs.Count == 0 ? 100 : Math.Round(100m * pairs.Count(p => p.Met) / pairs.Count, 1);
    }
}
