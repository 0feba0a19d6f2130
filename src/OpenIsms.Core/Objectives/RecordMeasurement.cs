using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Objectives;

/// <summary>
/// Appends a value to a metric — or, naming the measurement it corrects, a correction that supersedes it (both kept).
/// Refused for a retired metric, a day before the metric existed or after today, and a measurement already corrected.
/// </summary>
public sealed class RecordMeasurement(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public DateOnly? TakenOn { get; set; }

        public decimal? Value { get; set; }

        public string? Note { get; set; }

        /// <summary>The measurement this one corrects.</summary>
        public Guid? Corrects { get; set; }

        /// <summary>The metric's version as the form showed it: a value recorded meanwhile is a conflict, not a duplicate.</summary>
        public int Version { get; set; }
    }

    /// <summary>The metric's version now, for a script that appends values without reading the metric first.</summary>
    public async Task<int?> CurrentVersion(Guid metricId, CancellationToken ct = default) =>
        await db.Set<Metric>().Where(m => m.Id == metricId).Select(m => (int?)m.Version).FirstOrDefaultAsync(ct);

    public async Task<Result<Guid>> Handle(Guid metricId, Command c, CancellationToken ct = default)
    {
        var (metric, failure) = await db.LoadForChange<Metric>(metricId, c.Version, ObjectivePermissions.Measure, ct: ct);
        if (metric is null)
        {
            return Result<Guid>.From(failure!);
        }

        var today = await db.Clock.Today(ct);
        var errors = new List<FieldError>();
        if (metric.IsRetired)
        {
            errors.Add(new FieldError("", $"The metric was retired on {metric.RetiredOn:d MMMM yyyy} and takes no more values. Its history stays as it is."));
        }

        if (c.TakenOn is not { } day)
        {
            errors.Add(new FieldError(nameof(Command.TakenOn), "Enter the date the value was taken."));
        }
        else if (day > today)
        {
            errors.Add(new FieldError(nameof(Command.TakenOn), "The date cannot be in the future."));
        }
        else if (day < metric.Since)
        {
            errors.Add(new FieldError(nameof(Command.TakenOn), $"The metric was defined on {metric.Since:d MMMM yyyy}; a value cannot be dated before that."));
        }

        if (c.Value is null)
        {
            errors.Add(new FieldError(nameof(Command.Value), "Enter the value, as a number (for example 92.5)."));
        }

        if (c.Note?.Length > Limits.ShortText)
        {
            errors.Add(new FieldError(nameof(Command.Note), $"The note is longer than {Limits.ShortText} characters."));
        }

        if (c.Corrects is { } corrected)
        {
            var original = await db.Set<Measurement>().AsNoTracking().Where(m => m.Id == corrected && m.MetricId == metricId).Select(m => new { m.Id }).FirstOrDefaultAsync(ct);
            if (original is null)
            {
                errors.Add(new FieldError(nameof(Command.Corrects), "The measurement to correct is not one of this metric's."));
            }
            else if (await db.Set<Measurement>().AnyAsync(m => m.SupersedesId == corrected, ct))
            {
                errors.Add(new FieldError(nameof(Command.Corrects), "This value was already corrected. Correct the correction instead."));
            }
        }

        if (errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid(errors));
        }

        var measurement = Measurement.Take(metric, c.TakenOn!.Value, c.Value!.Value, c.Note, db.CurrentUser.DisplayName, c.Corrects);
        db.Add(measurement);
        if (c.Corrects is null)
        {
            metric.Measured(measurement.TakenOn);
        }
        else
        {
            db.Entry(metric).State = EntityState.Modified; // the metric's version moves: another form open on it is stale
        }

        var result = await db.SaveAsync(ct);
        return result.Succeeded ? measurement.Id : Result<Guid>.From(result);
    }
}
