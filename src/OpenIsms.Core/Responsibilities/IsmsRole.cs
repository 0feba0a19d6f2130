using OpenIsms.Core.Common;

namespace OpenIsms.Core.Responsibilities;

/// <summary>
/// A role in the ISMS (clause 5.3): what its holder is responsible for, the authority they have to act, who granted that
/// authority and when, and — through <see cref="RoleAssignment"/> — the people who hold it. Not an OpenIsms sign-in role:
/// an ISMS role says who does the work, a sign-in role what someone may change in the app.
/// </summary>
[AuditName("IsmsRole")]
public sealed class IsmsRole : Entity
{
    public string Name { get; private set; } = "";

    public string? Responsibilities { get; private set; }

    public string? Authorities { get; private set; }

    /// <summary>Who gave the role its authority ("the board", "the managing director").</summary>
    public string? GrantedBy { get; private set; }

    public DateOnly? GrantedOn { get; private set; }

    /// <summary>The role is top management's: its holders' decisions are evidence of leadership (clause 5.1).</summary>
    public bool TopManagement { get; private set; }

    public Result Update(SaveIsmsRole.Command c, DateOnly today)
    {
        var check = new Validation()
            .Required(nameof(Name), c.Name, "Enter the role's name.")
            .MaxLength(nameof(Name), c.Name, Limits.Name, "The name")
            .Required(nameof(Responsibilities), c.Responsibilities, "Say what the role is responsible for.")
            .MaxLength(nameof(Responsibilities), c.Responsibilities, Limits.LongText, "The responsibilities")
            .MaxLength(nameof(Authorities), c.Authorities, Limits.LongText, "The authorities")
            .MaxLength(nameof(GrantedBy), c.GrantedBy, Limits.Name, "Granted by")
            .Must(c.GrantedOn is null || c.GrantedOn <= today, nameof(GrantedOn), "The date the authority was granted cannot be in the future.")
            .Must(c.GrantedOn is null || !string.IsNullOrWhiteSpace(c.GrantedBy), nameof(GrantedBy), "Say who granted the authority on that date.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Name = c.Name!.Trim();
        Responsibilities = Text.OrNull(c.Responsibilities);
        Authorities = Text.OrNull(c.Authorities);
        GrantedBy = Text.OrNull(c.GrantedBy);
        GrantedOn = c.GrantedOn;
        TopManagement = c.TopManagement;
        return Result.Ok();
    }

    /// <summary>A role offered to a new installation, in the project's own words; every part of it is editable.</summary>
    public sealed record Suggestion(string Name, bool TopManagement, string Responsibilities, string Authorities);

    public static IReadOnlyList<Suggestion> Suggested { get; } =
    [
        new("Top management", true,
            "Sets the direction of the ISMS: approves the information security policy and objectives, makes sure the ISMS has the people and budget it needs, chairs the management review and backs the ISMS towards the rest of the organisation.",
            "Approves policy, objectives, the risk acceptance criteria and the resources of the ISMS; assigns the other ISMS roles."),
        new("ISMS manager", false,
            "Runs the ISMS day to day: keeps the scope, risk assessment, Statement of Applicability and documents current, tracks treatment and corrective actions, and reports on the performance of the ISMS to top management.",
            "Asks owners for updates and evidence, schedules assessments and reviews, and escalates overdue work to top management."),
        new("Risk owner", false,
            "Is accountable for the risks they own: agrees the assessment, chooses the treatment, and accepts the residual risk.",
            "Accepts residual risk within the acceptance criteria; commits their area's resources to a treatment."),
        new("Control owner", false,
            "Operates the controls they own and keeps the evidence that they work.",
            "Changes how a control is run within its documented design; raises a change when the design must change."),
        new("Asset owner", false,
            "Keeps the record of the assets they own current, classifies their information and decides who may access it.",
            "Approves and revokes access to the assets they own."),
        new("Internal auditor", false,
            "Plans and carries out internal audits of the ISMS objectively and impartially, and reports findings.",
            "Has access to the records and people needed for an audit; raises nonconformities."),
        new("Data protection contact", false,
            "Advises on personal data, handles requests from data subjects and keeps the records that data protection law asks for.",
            "Stops processing of personal data that breaks the law or the policy until it is resolved."),
    ];

    public static SaveIsmsRole.Command Command(Suggestion s) => new()
    {
        Name = s.Name, TopManagement = s.TopManagement, Responsibilities = s.Responsibilities, Authorities = s.Authorities,
    };
}
