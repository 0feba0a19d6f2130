using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Audits;

/// <summary>What a programme item or checklist row is: a clause 4–10 requirement, an applicable Annex A control, or a process or location in scope.</summary>
public enum AuditItemKind
{
    Clause,
    Control,
    Process,
    Location,
}

/// <summary>An internal audit's life: planned, in progress (the checklist is filled in), reported (the report signed off), closed.</summary>
public enum AuditState
{
    Planned,
    InProgress,
    Reported,
    Closed,
}

/// <summary>What the auditor found for one checklist item.</summary>
public enum AuditResult
{
    Conforming,
    MajorNonconformity,
    MinorNonconformity,
    Observation,
    OpportunityForImprovement,

    /// <summary>In scope but not looked at, with the reason; it does not count as audited in the programme.</summary>
    NotAudited,
}

/// <summary>
/// An internal audit (clause 9.2): its scope (the checklist's items), criteria, auditors, auditees, dates and plan; its
/// checklist is filled in while it is in progress, then it is reported with a conclusion and signed off, then closed.
/// </summary>
[AuditName("Audit")]
public sealed class Audit : NumberedEntity
{
    public const string Prefix = "IA-";

    protected override string ReferencePrefix => Prefix;

    public string Title { get; private set; } = "";

    /// <summary>What the audit is measured against: the standard, the SoA, the organisation's own policies.</summary>
    public string Criteria { get; private set; } = "";

    /// <summary>The plan: method, sampling approach, schedule of interviews.</summary>
    public string? Plan { get; private set; }

    /// <summary>Who is audited, in words: the people and functions interviewed.</summary>
    public string? Auditees { get; private set; }

    public DateOnly PlannedStart { get; private set; }

    public DateOnly PlannedEnd { get; private set; }

    /// <summary>The lead auditor, who signs the report.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? LeadAuditorId { get; private set; }

    /// <summary>The competence the programme relied on in choosing the auditors: certificates, training, experience.</summary>
    public string CompetenceEvidence { get; private set; } = "";

    public AuditState State { get; private set; }

    public DateOnly? StartedOn { get; private set; }

    public string? Conclusion { get; private set; }

    public DateOnly? ReportedOn { get; private set; }

    /// <summary>Who signed the report off.</summary>
    public string? ReportedBy { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>How many checklist items it has, how many have a result, how many raised a nonconformity: kept as they
    /// change, so that the list of audits does not count 2,000 rows an audit.</summary>
    public int ItemCount { get; private set; }

    public int RecordedCount { get; private set; }

    public int NonconformityCount { get; private set; }

    public void Scoped(int items) => ItemCount = items;

    public void Counted(bool firstResult, bool raised)
    {
        RecordedCount += firstResult ? 1 : 0;
        NonconformityCount += raised ? 1 : 0;
    }

    public Result Update(PlanAudit.Command c)
    {
        var check = new Validation()
            .Required(nameof(Title), c.Title, "Give the audit a title, for example: Internal audit 2027 — operations and Annex A 8.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The title")
            .Required(nameof(Criteria), c.Criteria, "Say what the audit measures against: ISO/IEC 27001:2022, the Statement of Applicability, your policies.")
            .MaxLength(nameof(Criteria), c.Criteria, Limits.ShortText, "The criteria")
            .MaxLength(nameof(Plan), c.Plan, Limits.LongText, "The plan")
            .MaxLength(nameof(Auditees), c.Auditees, Limits.ShortText, "The auditees")
            .Must(c.PlannedStart is not null, nameof(PlannedStart), "Enter the day the audit starts.")
            .Must(c.PlannedEnd is not null, nameof(PlannedEnd), "Enter the day the audit ends.")
            .Must(c.PlannedStart is null || c.PlannedEnd is null || c.PlannedEnd >= c.PlannedStart, nameof(PlannedEnd), "The audit cannot end before it starts.")
            .Required(nameof(LeadAuditorId), c.LeadAuditorId, "Choose the lead auditor.")
            .Required(nameof(CompetenceEvidence), c.CompetenceEvidence, "Say what shows the auditors are competent: a lead-auditor certificate, training, audits done.")
            .MaxLength(nameof(CompetenceEvidence), c.CompetenceEvidence, Limits.ShortText, "The competence evidence")
            .Must(c.Items.Count > 0, nameof(PlanAudit.Command.Items), "Choose what the audit covers: at least one clause, control, process or location.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = c.Title!.Trim();
        Criteria = c.Criteria!.Trim();
        Plan = Text.OrNull(c.Plan);
        Auditees = Text.OrNull(c.Auditees);
        PlannedStart = c.PlannedStart!.Value;
        PlannedEnd = c.PlannedEnd!.Value;
        LeadAuditorId = Text.OrNull(c.LeadAuditorId);
        CompetenceEvidence = c.CompetenceEvidence!.Trim();
        return Result.Ok();
    }

    /// <summary>Why the audit cannot move to <paramref name="to"/> now, or null.</summary>
    public string? Refusal(AuditState to) => (State, to) switch
    {
        (AuditState.Planned, AuditState.InProgress) => null,
        (AuditState.InProgress, AuditState.Reported) => null,
        (AuditState.Reported, AuditState.Closed) => null,
        (AuditState.Closed, _) => "The audit is closed: its record is final.",
        (_, AuditState.Reported) => "Only an audit in progress can be reported: start it and fill in its checklist first.",
        (_, AuditState.Closed) => "Only a reported audit can be closed: report it with its conclusion first.",
        (_, AuditState.InProgress) => "The audit has already started.",
        _ => "An audit does not go back to planned.",
    };

    public void Start(DateOnly on)
    {
        State = AuditState.InProgress;
        StartedOn = on;
    }

    public void Report(string conclusion, DateOnly on, string by)
    {
        Conclusion = conclusion;
        ReportedOn = on;
        ReportedBy = by;
        State = AuditState.Reported;
    }

    public void Close(DateOnly on, string by)
    {
        ClosedOn = on;
        ClosedBy = by;
        State = AuditState.Closed;
    }
}

/// <summary>Someone on an audit's team (the lead auditor among them).</summary>
[AuditName("AuditAuditor")]
public sealed class AuditAuditor : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid AuditId { get; init; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public string UserId { get; init; } = "";
}

/// <summary>
/// One row of an audit's checklist: an item of the audit's scope with the prompt written for it, what was sampled and
/// examined, the notes, and the result. A nonconformity found is raised on the register and linked here.
/// </summary>
[AuditName("AuditItem")]
public sealed class AuditItem : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid AuditId { get; init; }

    public AuditItemKind Kind { get; init; }

    /// <summary>The clause or control's code ("9.2", "A.8.13"), or the process's or location's name.</summary>
    public string Code { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>What to look at, in the project's own words.</summary>
    public string Prompt { get; init; } = "";

    public int Position { get; init; }

    /// <summary>What was sampled: which records, from when.</summary>
    public string? Sampled { get; private set; }

    public int? SampleSize { get; private set; }

    /// <summary>The evidence examined: references or links to evidence records, documents, risks.</summary>
    public string? Evidence { get; private set; }

    public string? Notes { get; private set; }

    public AuditResult? Result { get; private set; }

    public string? NotAuditedReason { get; private set; }

    public string? RecordedBy { get; private set; }

    /// <summary>The nonconformity raised from this finding.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? NonconformityId { get; private set; }

    public static bool IsNonconformity(AuditResult? result) => result is AuditResult.MajorNonconformity or AuditResult.MinorNonconformity;

    public Common.Result Record(RecordChecklistResult.Command c, string by)
    {
        var check = new Validation()
            .Must(c.Result is not null, nameof(RecordChecklistResult.Command.Result), "Choose the result.")
            .Must(c.Result != AuditResult.NotAudited || !string.IsNullOrWhiteSpace(c.NotAuditedReason), nameof(NotAuditedReason), "Say why it was not audited.")
            .Must(c.Result is null or AuditResult.NotAudited || !string.IsNullOrWhiteSpace(c.Evidence) || !string.IsNullOrWhiteSpace(c.Sampled), nameof(Evidence),
                "Say what was examined: the records sampled or the evidence looked at. A result needs something behind it.")
            .Must(!IsNonconformity(c.Result) || !string.IsNullOrWhiteSpace(c.Notes), nameof(Notes), "Describe the nonconformity: what was found against what was required.")
            .Must(c.SampleSize is null or >= 0, nameof(SampleSize), "Enter how many records were sampled, or leave it empty.")
            .MaxLength(nameof(Sampled), c.Sampled, Limits.ShortText, "What was sampled")
            .MaxLength(nameof(Evidence), c.Evidence, Limits.LongText, "The evidence examined")
            .MaxLength(nameof(Notes), c.Notes, Limits.LongText, "The notes")
            .MaxLength(nameof(NotAuditedReason), c.NotAuditedReason, Limits.ShortText, "The reason");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Sampled = Text.OrNull(c.Sampled);
        SampleSize = c.SampleSize;
        Evidence = Text.OrNull(c.Evidence);
        Notes = Text.OrNull(c.Notes);
        Result = c.Result;
        NotAuditedReason = c.Result == AuditResult.NotAudited ? Text.OrNull(c.NotAuditedReason) : null;
        RecordedBy = by;
        return Common.Result.Ok();
    }

    public void Raised(Guid nonconformityId) => NonconformityId = nonconformityId;
}
