using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Objectives;

public enum ObjectiveStatus
{
    Planned,
    InProgress,
    Achieved,
    NotAchieved,
    Cancelled,
}

/// <summary>
/// An information security objective (clause 6.2): what is to be achieved, by when and by whom, and the plan — what will
/// be done, with what resources, who is responsible, when it will be complete and how the results are evaluated. Its
/// progress is not typed in: it is read from its metrics (<see cref="Metric"/>).
/// </summary>
[AuditName("Objective")]
public sealed class Objective : Entity
{
    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>How the objective follows from the information security policy.</summary>
    public string? PolicyLink { get; private set; }

    /// <summary>The target in words ("95% of staff complete awareness training each year").</summary>
    public string Target { get; private set; } = "";

    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? OwnerId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public string? Actions { get; private set; }

    public string? Resources { get; private set; }

    public string? Responsible { get; private set; }

    public string? Evaluation { get; private set; }

    public ObjectiveStatus Status { get; private set; }

    public Result Update(SaveObjective.Command c)
    {
        var check = new Validation()
            .Required(nameof(Title), c.Title, "Enter the objective.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The objective")
            .Required(nameof(Target), c.Target, "Say what counts as achieving it, for example \"95% of staff trained each year\".")
            .MaxLength(nameof(Target), c.Target, Limits.ShortText, "The target")
            .Must(c.DueOn is not null, nameof(DueOn), "Enter the date it is to be achieved by.")
            .MaxLength(nameof(Description), c.Description, Limits.LongText, "The description")
            .MaxLength(nameof(PolicyLink), c.PolicyLink, Limits.ShortText, "The link to the policy")
            .MaxLength(nameof(Actions), c.Actions, Limits.LongText, "What will be done")
            .MaxLength(nameof(Resources), c.Resources, Limits.ShortText, "The resources")
            .MaxLength(nameof(Responsible), c.Responsible, Limits.Name, "Who is responsible")
            .MaxLength(nameof(Evaluation), c.Evaluation, Limits.ShortText, "How results are evaluated");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = c.Title!.Trim();
        Description = Text.OrNull(c.Description);
        PolicyLink = Text.OrNull(c.PolicyLink);
        Target = c.Target!.Trim();
        OwnerId = Text.OrNull(c.OwnerId);
        DueOn = c.DueOn!.Value;
        Actions = Text.OrNull(c.Actions);
        Resources = Text.OrNull(c.Resources);
        Responsible = Text.OrNull(c.Responsible);
        Evaluation = Text.OrNull(c.Evaluation);
        Status = c.Status;
        return Result.Ok();
    }
}

public enum MeasureEvery
{
    Week,
    Month,
    Quarter,
    Year,
}

public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>Where a metric's values come from: typed in, or measured by OpenIsms from its own records on the schedule.</summary>
public enum MetricSource
{
    Manual,
    OverdueTreatmentActions,
    OverdueRiskReviews,
    OverdueDocumentReviews,
    CompetenceNeedsMet,
}

/// <summary>How a measured value compares with the metric's target and threshold.</summary>
public enum Standing
{
    OnTarget,
    Warning,
    OffTarget,
}

/// <summary>
/// What is measured for clause 9.1: the method, how often, who measures and who analyses, the target and a warning
/// threshold. Its values are <see cref="Measurement"/>s, kept for good. A retired metric takes no more values.
/// </summary>
[AuditName("Metric")]
public sealed class Metric : Entity
{
    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public string? Method { get; private set; }

    public string? Unit { get; private set; }

    public MeasureEvery Every { get; private set; }

    /// <summary>The account that records the values (a manual metric's measurements are on their My work).</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? MeasuredById { get; private set; }

    public string? AnalysedBy { get; private set; }

    public Direction Direction { get; private set; }

    public decimal Target { get; private set; }

    /// <summary>Past the target but within this value is a warning, beyond it off target.</summary>
    public decimal? Threshold { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? ObjectiveId { get; private set; }

    public MetricSource Source { get; private set; }

    public DateOnly NextDueOn { get; private set; }

    public DateOnly? RetiredOn { get; private set; }

    /// <summary>The first day a value may be dated: the day the metric was defined (set when it is first saved).</summary>
    public DateOnly Since { get; private set; }

    public bool IsRetired => RetiredOn is not null;

    public Result Update(SaveMetric.Command c, DateOnly today)
    {
        var check = new Validation()
            .Required(nameof(Name), c.Name, "Name what is measured.")
            .MaxLength(nameof(Name), c.Name, Limits.Name, "The name")
            .MaxLength(nameof(Description), c.Description, Limits.LongText, "The description")
            .MaxLength(nameof(Method), c.Method, Limits.ShortText, "The method")
            .MaxLength(nameof(Unit), c.Unit, 40, "The unit")
            .MaxLength(nameof(AnalysedBy), c.AnalysedBy, Limits.Name, "Who analyses")
            .Must(c.Target is not null, nameof(Target), "Enter the target value.")
            .Must(c.Threshold is null || c.Target is null || (c.Direction == Direction.HigherIsBetter ? c.Threshold <= c.Target : c.Threshold >= c.Target), nameof(Threshold),
                c.Direction == Direction.HigherIsBetter ? "The warning threshold must be at or below the target when higher is better." : "The warning threshold must be at or above the target when lower is better.")
            .Must(c.FirstDueOn is null || c.FirstDueOn >= today || Id != Guid.Empty && c.FirstDueOn == NextDueOn, nameof(SaveMetric.Command.FirstDueOn), "The next measurement cannot be due in the past.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        var creating = Since == default;
        Name = c.Name!.Trim();
        Description = Text.OrNull(c.Description);
        Method = Text.OrNull(c.Method);
        Unit = Text.OrNull(c.Unit);
        Every = c.Every;
        MeasuredById = Text.OrNull(c.MeasuredById);
        AnalysedBy = Text.OrNull(c.AnalysedBy);
        Direction = c.Direction;
        Target = c.Target!.Value;
        Threshold = c.Threshold;
        ObjectiveId = c.ObjectiveId;
        Source = c.Source;
        if (creating)
        {
            Since = today;
        }

        NextDueOn = c.FirstDueOn ?? (creating ? today : NextDueOn);
        RetiredOn = c.Retired ? RetiredOn ?? today : null;
        return Result.Ok();
    }

    /// <summary>A value was taken on <paramref name="takenOn"/>: the next one is due a period after it (or after the due date, if later).</summary>
    public void Measured(DateOnly takenOn)
    {
        var from = takenOn > NextDueOn ? takenOn : NextDueOn;
        NextDueOn = After(from, Every);
    }

    public static DateOnly After(DateOnly day, MeasureEvery every) => every switch
    {
        MeasureEvery.Week => day.AddDays(7),
        MeasureEvery.Month => day.AddMonths(1),
        MeasureEvery.Quarter => day.AddMonths(3),
        _ => day.AddYears(1),
    };

    public Standing StandingOf(decimal value) => StandingOf(value, Direction, Target, Threshold);

    public static Standing StandingOf(decimal value, Direction direction, decimal target, decimal? threshold)
    {
        var better = direction == Direction.HigherIsBetter ? value >= target : value <= target;
        if (better)
        {
            return Standing.OnTarget;
        }

        var warning = threshold is { } t && (direction == Direction.HigherIsBetter ? value >= t : value <= t);
        return warning ? Standing.Warning : Standing.OffTarget;
    }
}

/// <summary>
/// One value of a metric, kept for good: a mistake is corrected by a new measurement that supersedes it, and both stay.
/// </summary>
[AuditName("Measurement")]
public sealed class Measurement : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid MetricId { get; private set; }

    public DateOnly TakenOn { get; private set; }

    public decimal Value { get; private set; }

    public string? Note { get; private set; }

    public string RecordedBy { get; private set; } = "";

    /// <summary>The measurement this one corrects (which is then no longer current, but stays).</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? SupersedesId { get; private set; }

    public static Measurement Take(Metric metric, DateOnly takenOn, decimal value, string? note, string recordedBy, Guid? supersedes) => new()
    {
        MetricId = metric.Id, TakenOn = takenOn, Value = value, Note = Text.OrNull(note), RecordedBy = recordedBy, SupersedesId = supersedes,
    };
}
