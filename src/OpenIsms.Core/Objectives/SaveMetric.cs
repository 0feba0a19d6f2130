using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Objectives;

/// <summary>Adds or edits a metric; ticking Retired stops it taking values (its history stays).</summary>
public sealed class SaveMetric(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Method { get; set; }

        public string? Unit { get; set; }

        public MeasureEvery Every { get; set; } = MeasureEvery.Month;

        public string? MeasuredById { get; set; }

        public string? AnalysedBy { get; set; }

        public Direction Direction { get; set; }

        public decimal? Target { get; set; }

        public decimal? Threshold { get; set; }

        public Guid? ObjectiveId { get; set; }

        public MetricSource Source { get; set; }

        /// <summary>When the next value is due (today for a new metric, if empty).</summary>
        public DateOnly? FirstDueOn { get; set; }

        public bool Retired { get; set; }

        public int Version { get; set; }

        public static Command From(Metric m) => new()
        {
            Id = m.Id, Name = m.Name, Description = m.Description, Method = m.Method, Unit = m.Unit, Every = m.Every, MeasuredById = m.MeasuredById,
            AnalysedBy = m.AnalysedBy, Direction = m.Direction, Target = m.Target, Threshold = m.Threshold, ObjectiveId = m.ObjectiveId, Source = m.Source,
            FirstDueOn = m.NextDueOn, Retired = m.IsRetired, Version = m.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (metric, failure) = await db.LoadOrCreate(c.Id, c.Version, ObjectivePermissions.Edit, () => new Metric(), ct: ct);
        if (metric is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = metric.Update(c, await db.Clock.Today(ct));
        if (result.Succeeded && await db.Set<Metric>().AnyAsync(m => m.Name == metric.Name && m.Id != metric.Id, ct))
        {
            result = Result.Invalid(new FieldError(nameof(Command.Name), $"There is already a metric called {metric.Name}."));
        }

        if (result.Succeeded && c.ObjectiveId is { } objective && !await db.Set<Objective>().AnyAsync(o => o.Id == objective, ct))
        {
            result = Result.Invalid(new FieldError(nameof(Command.ObjectiveId), "Choose the objective from the list."));
        }

        if (result.Succeeded && await Owners.Check(db, c.MeasuredById, ObjectivePermissions.Measure, nameof(Command.MeasuredById), "a metric's measurements", ct) is { } owner)
        {
            result = Result.Invalid(owner);
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            db.Add(metric);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? metric.Id : Result<Guid>.From(result);
    }
}

/// <summary>Adds the suggested starter metrics that are not there yet (by name), written in the project's own words.</summary>
public sealed class AddSuggestedMetrics(OpenIsmsDbContext db)
{
    public sealed record Suggestion
    {
        public required string Name { get; init; }

        public required MetricSource Source { get; init; }

        public required Direction Direction { get; init; }

        public required decimal Target { get; init; }

        public required string Unit { get; init; }

        public required string Description { get; init; }
    }

    private static Suggestion S(string name, MetricSource source, Direction direction, decimal target, string unit, string description) =>
        new() { Name = name, Source = source, Direction = direction, Target = target, Unit = unit, Description = description };

    public static IReadOnlyList<Suggestion> Suggested { get; } =
    [
        S("Overdue risk treatment actions", MetricSource.OverdueTreatmentActions, Direction.LowerIsBetter, 0, "actions",
            "Treatment actions past their due date and not done: how well the treatment plan is kept. Counted by OpenIsms from the treatment plan."),
        S("Risks past their review date", MetricSource.OverdueRiskReviews, Direction.LowerIsBetter, 0, "risks",
            "Open risks whose reassessment is overdue. Counted by OpenIsms from the risk register."),
        S("Documents past their review date", MetricSource.OverdueDocumentReviews, Direction.LowerIsBetter, 0, "documents",
            "Approved documents whose review is overdue. Counted by OpenIsms from the document register."),
        S("Competence needs met", MetricSource.CompetenceNeedsMet, Direction.HigherIsBetter, 95, "%",
            "The share of the competences that ISMS roles need that their holders show by valid evidence. Computed by OpenIsms from the competence records."),
        S("Awareness training completed", MetricSource.Manual, Direction.HigherIsBetter, 95, "%",
            "The share of staff who are in date with their security awareness training."),
        S("Phishing simulation click rate", MetricSource.Manual, Direction.LowerIsBetter, 5, "%",
            "The share of recipients who clicked the link in the last phishing simulation."),
        S("Information security incidents of high severity", MetricSource.Manual, Direction.LowerIsBetter, 0, "incidents",
            "Incidents rated high or critical in the period."),
    ];

    public async Task<Result<int>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ObjectivePermissions.Edit))
        {
            return Result<int>.From(Result.Forbidden());
        }

        var names = (await db.Set<Metric>().Select(m => m.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var today = await db.Clock.Today(ct);
        var added = 0;
        foreach (var s in Suggested.Where(s => !names.Contains(s.Name)))
        {
            var metric = new Metric();
            metric.Update(new SaveMetric.Command
            {
                Name = s.Name, Source = s.Source, Direction = s.Direction, Target = s.Target, Unit = s.Unit, Description = s.Description, Every = MeasureEvery.Month,
                Method = s.Source == MetricSource.Manual ? null : "Measured by OpenIsms from its own records on the schedule.",
            }, today);
            db.Add(metric);
            added++;
        }

        var result = await db.SaveAsync(ct);
        return result.Succeeded ? added : Result<int>.From(result);
    }
}
