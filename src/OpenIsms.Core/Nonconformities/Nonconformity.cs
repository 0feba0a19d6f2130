using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Nonconformities;

/// <summary>Where a nonconformity was found.</summary>
public enum NonconformitySource
{
    AuditFinding,
    Incident,
    ManagementReview,
    ExternalAudit,
    Complaint,

    /// <summary>Noticed by someone and raised on the register.</summary>
    Direct,
}

public enum NonconformitySeverity
{
    /// <summary>A requirement not met at all, or a failure that puts the ISMS's results in doubt.</summary>
    Major,

    /// <summary>A lapse that does not put the ISMS's results in doubt.</summary>
    Minor,
}

/// <summary>
/// The life of a nonconformity (clause 10.2), one step after another: what was done at once, why it happened, what will
/// stop it happening again, that it was done, and whether it worked. Only an effectiveness check closes it; a check that
/// finds the actions did not work reopens it for a new cause analysis.
/// </summary>
public enum NonconformityState
{
    Raised,

    /// <summary>Corrected and contained: what was done at once is recorded.</summary>
    Corrected,

    /// <summary>Its root cause is analysed.</summary>
    CauseFound,

    /// <summary>Corrective actions are planned, with the date their effectiveness is checked.</summary>
    ActionsPlanned,

    /// <summary>Every action is done (or cancelled, at least one done); the effectiveness check is next.</summary>
    Implemented,

    /// <summary>The check found the actions effective.</summary>
    Closed,

    /// <summary>The check found them not effective: the cause is analysed again.</summary>
    Reopened,
}

/// <summary>How the root cause was found.</summary>
public enum CauseMethod
{
    /// <summary>"Why?" asked up to five times, each answer the next question.</summary>
    FiveWhys,

    /// <summary>Any other analysis (fishbone, timeline), described in words.</summary>
    FreeAnalysis,
}

/// <summary>
/// A nonconformity (clause 10.2): what was found, the requirement not met, how serious, where, and its corrective-action
/// cycle. Each step is a method that refuses a step out of order with the reason, and leaves a <see cref="NonconformityStep"/>.
/// </summary>
[AuditName("Nonconformity")]
public sealed class Nonconformity : NumberedEntity
{
    public const string Prefix = "NC-";

    protected override string ReferencePrefix => Prefix;

    public string Title { get; private set; } = "";

    /// <summary>What was found: the facts, the records looked at.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The clause or control of the catalogue not met, when it is one.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? RequirementId { get; private set; }

    /// <summary>The requirement in words, when it is the organisation's own (a policy, a contract, a law).</summary>
    public string? RequirementText { get; private set; }

    /// <summary>Where: the process, location or department.</summary>
    public string? Process { get; private set; }

    public NonconformitySeverity Severity { get; private set; }

    public NonconformitySource Source { get; private set; }

    /// <summary>What it came from, in words: the incident's number, the customer's complaint, the external auditor's report.</summary>
    public string? SourceReference { get; private set; }

    public DateOnly RaisedOn { get; private set; }

    public string RaisedBy { get; private set; } = "";

    /// <summary>Who answers for it: the next step is on their My work.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? OwnerId { get; private set; }

    public NonconformityState State { get; private set; }

    /// <summary>1 at first; each reopening starts a new round of cause analysis and actions.</summary>
    public int Round { get; private set; } = 1;

    public string? Correction { get; private set; }

    public DateOnly? CorrectedOn { get; private set; }

    public CauseMethod? CauseMethod { get; private set; }

    /// <summary>The answers to "why?", one per line, for a five-whys analysis.</summary>
    public string? Whys { get; private set; }

    public string? RootCause { get; private set; }

    /// <summary>When the actions' effectiveness is to be checked, set when they are planned.</summary>
    public DateOnly? EffectivenessDueOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>An earlier nonconformity against the same requirement or process, within the recurrence period.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? RecurrenceOfId { get; private set; }

    /// <summary>The risk it bears on, to be re-assessed.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? RiskId { get; private set; }

    /// <summary>The controlled document it leads to change.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? DocumentId { get; private set; }

    public bool IsOpen => State != NonconformityState.Closed;

    public static Nonconformity Raise(string raisedBy) => new() { RaisedBy = raisedBy };

    /// <summary>What an audit finding raises: the facts as the auditor recorded them.</summary>
    public sealed record Finding
    {
        public required string Title { get; init; }

        public required string Description { get; init; }

        public required Guid? RequirementId { get; init; }

        /// <summary>The requirement in words, when it is not a catalogue entry.</summary>
        public string? Requirement { get; init; }

        public required string? Process { get; init; }

        public required NonconformitySeverity Severity { get; init; }

        public required string SourceReference { get; init; }

        public required DateOnly RaisedOn { get; init; }

        public required string OwnerId { get; init; }

        public required string RaisedBy { get; init; }
    }

    /// <summary>A nonconformity raised from an internal audit's finding, numbered when saved.</summary>
    public static Nonconformity FromFinding(Finding f)
    {
        var nc = new Nonconformity
        {
            Title = f.Title, Description = f.Description, RequirementId = f.RequirementId, RequirementText = f.RequirementId is null ? f.Requirement : null,
            Process = f.Process, Severity = f.Severity, Source = NonconformitySource.AuditFinding, SourceReference = f.SourceReference, RaisedOn = f.RaisedOn,
            OwnerId = f.OwnerId, RaisedBy = f.RaisedBy,
        };
        nc.NumberOnSave();
        return nc;
    }

    public Result Update(SaveNonconformity.Command c, DateOnly today)
    {
        var check = new Validation()
            .Required(nameof(Title), c.Title, "Give the nonconformity a short title.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The title")
            .Required(nameof(Description), c.Description, "Say what was found: the facts and the records looked at.")
            .MaxLength(nameof(Description), c.Description, Limits.LongText, "What was found")
            .Must(c.RequirementId is not null || !string.IsNullOrWhiteSpace(c.RequirementText), nameof(SaveNonconformity.Command.RequirementId),
                "Choose the clause or control not met, or name the requirement in words.")
            .MaxLength(nameof(RequirementText), c.RequirementText, Limits.ShortText, "The requirement")
            .MaxLength(nameof(Process), c.Process, Limits.Name, "Where")
            .MaxLength(nameof(SourceReference), c.SourceReference, Limits.ShortText, "What it came from")
            .Required(nameof(OwnerId), c.OwnerId, "Choose who answers for it.")
            .Must(c.RaisedOn is not null, nameof(RaisedOn), "Enter the date it was found.")
            .Must(c.RaisedOn is null || c.RaisedOn <= today, nameof(RaisedOn), "The date it was found cannot be in the future.");
        // Once its cycle has begun (or when an audit raised it), what it is and where it came from are facts of record.
        var settled = State != NonconformityState.Raised;
        check.Must(!settled || c.Severity == Severity, nameof(Severity), "Its severity is settled once the correction is recorded: raise a new nonconformity if it was more serious.")
            .Must(!settled || c.RaisedOn == RaisedOn, nameof(RaisedOn), "The date it was found is settled once the correction is recorded.")
            .Must(Source != NonconformitySource.AuditFinding || Title.Length == 0 || c.Source == NonconformitySource.AuditFinding, nameof(Source),
                "It was raised from an audit finding; its source stays the audit.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = c.Title!.Trim();
        Description = c.Description!.Trim();
        RequirementId = c.RequirementId;
        RequirementText = Text.OrNull(c.RequirementText);
        Process = Text.OrNull(c.Process);
        Severity = c.Severity;
        Source = c.Source;
        SourceReference = Text.OrNull(c.SourceReference);
        RaisedOn = c.RaisedOn!.Value;
        OwnerId = Text.OrNull(c.OwnerId);
        RiskId = c.RiskId;
        DocumentId = c.DocumentId;
        return Result.Ok();
    }

    public void MarkRecurrenceOf(Guid? earlier) => RecurrenceOfId = earlier;

    /// <summary>Why the step to <paramref name="to"/> cannot be taken now, or null when it can.</summary>
    public string? Refusal(NonconformityState to) => (State, to) switch
    {
        (NonconformityState.Closed, _) => "It is closed: its record is final. Raise a new nonconformity if it happens again.",
        (NonconformityState.Raised, NonconformityState.Corrected) => null,
        (NonconformityState.Corrected or NonconformityState.Reopened, NonconformityState.CauseFound) => null,
        (NonconformityState.CauseFound, NonconformityState.ActionsPlanned) => null,
        (NonconformityState.ActionsPlanned, NonconformityState.Implemented) => null,
        (NonconformityState.Implemented, NonconformityState.Closed or NonconformityState.Reopened) => null,
        (_, NonconformityState.Closed or NonconformityState.Reopened) =>
            "Only an effectiveness check closes a nonconformity, and it comes after the corrective actions are implemented. " + Next(),
        (_, NonconformityState.Raised) => "A nonconformity is raised once; its steps do not go back.",
        _ => $"That step is out of order. {Next()}",
    };

    /// <summary>What is to be done next, in words.</summary>
    public string Next() => State switch
    {
        NonconformityState.Raised => "Next: record the correction — what was done at once to contain it.",
        NonconformityState.Corrected => "Next: analyse its root cause.",
        NonconformityState.Reopened => "Next: analyse its root cause again — the last actions did not work.",
        NonconformityState.CauseFound => "Next: plan the corrective actions and when their effectiveness is checked.",
        NonconformityState.ActionsPlanned => "Next: carry out the corrective actions, then mark them implemented.",
        NonconformityState.Implemented => "Next: check whether the actions were effective.",
        _ => "Nothing: it is closed.",
    };

    public void Correct(string correction, DateOnly on)
    {
        Correction = correction;
        CorrectedOn = on;
        State = NonconformityState.Corrected;
    }

    public void FindCause(CauseMethod method, string? whys, string rootCause)
    {
        CauseMethod = method;
        Whys = method == Nonconformities.CauseMethod.FiveWhys ? whys : null;
        RootCause = rootCause;
        State = NonconformityState.CauseFound;
    }

    public void PlanActions(DateOnly effectivenessDueOn)
    {
        EffectivenessDueOn = effectivenessDueOn;
        State = NonconformityState.ActionsPlanned;
    }

    public void MarkImplemented() => State = NonconformityState.Implemented;

    /// <summary>The effectiveness check: effective closes it; not effective reopens it for a new round.</summary>
    public void Checked(bool effective, DateOnly on)
    {
        if (effective)
        {
            State = NonconformityState.Closed;
            ClosedOn = on;
            return;
        }

        State = NonconformityState.Reopened;
        Round++;
        EffectivenessDueOn = null;
    }
}
