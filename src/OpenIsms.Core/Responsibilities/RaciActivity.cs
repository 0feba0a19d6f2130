using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Responsibilities;

/// <summary>What a RACI row is about: an ISMS process or an Annex A control.</summary>
public enum RaciSubject
{
    Process,
    Control,
}

/// <summary>One letter of a RACI cell: Responsible does the work, Accountable answers for it (exactly one per row), Consulted is asked first, Informed is told after.</summary>
public enum RaciLetter
{
    Responsible,
    Accountable,

    /// <summary>Accountable and does the work too (one cell counts as the row's Accountable).</summary>
    AccountableResponsible,
    Consulted,
    Informed,
}

/// <summary>
/// A row of the RACI matrix: an ISMS process (or an Annex A control) and, in <see cref="RaciCell"/>s, which ISMS role
/// is Responsible, Accountable, Consulted or Informed for it. A row has exactly one Accountable: two would mean nobody is.
/// </summary>
[AuditName("RaciActivity")]
public sealed class RaciActivity : Entity
{
    public string Name { get; private set; } = "";

    public RaciSubject Subject { get; private set; }

    /// <summary>The Annex A control's code ("A.5.15") for a control row.</summary>
    public string? ControlCode { get; private set; }

    public int Position { get; private set; }

    public Result Update(string? name, RaciSubject subject, string? controlCode, int position)
    {
        var check = new Validation()
            .Required(nameof(Name), name, "Name the process or control.")
            .MaxLength(nameof(Name), name, Limits.Name, "The name")
            .Must(subject != RaciSubject.Control || !string.IsNullOrWhiteSpace(controlCode), "ControlCode", "Choose the control.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Name = name!.Trim();
        Subject = subject;
        ControlCode = subject == RaciSubject.Control ? controlCode!.Trim() : null;
        Position = position;
        return Result.Ok();
    }

    public static bool IsAccountable(RaciLetter letter) => letter is RaciLetter.Accountable or RaciLetter.AccountableResponsible;

    public static bool IsResponsible(RaciLetter letter) => letter is RaciLetter.Responsible or RaciLetter.AccountableResponsible;

    /// <summary>The rule of a row: exactly one Accountable. <paramref name="cells"/> are role name → letter.</summary>
    public static FieldError? CheckRow(IReadOnlyCollection<(string Role, RaciLetter Letter)> cells)
    {
        var accountable = cells.Where(c => IsAccountable(c.Letter)).Select(c => c.Role).ToList();
        return accountable.Count switch
        {
            1 => null,
            0 => new FieldError("Cells", "Mark exactly one role Accountable (A): the one who answers for this in the end."),
            _ => new FieldError("Cells", $"{string.Join(" and ", accountable)} are both marked Accountable. A row has exactly one Accountable; make the others Responsible or Consulted."),
        };
    }

    public static string Short(RaciLetter letter) => letter switch
    {
        RaciLetter.Responsible => "R",
        RaciLetter.Accountable => "A",
        RaciLetter.AccountableResponsible => "A/R",
        RaciLetter.Consulted => "C",
        _ => "I",
    };
}

/// <summary>One cell of the RACI matrix: a role's letter on a row.</summary>
[AuditName("RaciCell")]
public sealed class RaciCell : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid ActivityId { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid RoleId { get; private set; }

    public RaciLetter Letter { get; private set; }

    public static RaciCell Create(Guid activityId, Guid roleId, RaciLetter letter) => new() { ActivityId = activityId, RoleId = roleId, Letter = letter };

    public void Set(RaciLetter letter) => Letter = letter;
}
