using OpenIsms.Core.Common;

namespace OpenIsms.Core.Organisations;

/// <summary>The organisation whose ISMS this installation holds (one per installation), with its settings.</summary>
[AuditName("Organisation")]
public sealed class Organisation : Entity
{
    public const string DefaultTimeZone = "UTC";

    public const int DefaultRecurrenceMonths = 12;

    public const int DefaultAuditCycleYears = 3;

    public const int DefaultOperatingMonths = 3;

    private Organisation()
    {
    }

    public Organisation(string name) => Name = name.Trim();

    public string Name { get; private set; } = "";

    /// <summary>An IANA time zone ("Europe/Berlin"): times are shown in it, and the activity log's day filters follow it.</summary>
    public string TimeZone { get; private set; } = DefaultTimeZone;

    /// <summary>
    /// Off by default: nobody reviews evidence they collected, and management approval of a risk above the threshold
    /// comes from someone other than the owner who accepted it. A small organisation may switch it on; each record where
    /// one person did both then says so.
    /// </summary>
    public bool SamePersonMayApprove { get; private set; }

    /// <summary>Everyone must have a second factor: who has none is sent to set one up after signing in.</summary>
    public bool RequireTwoFactor { get; private set; }

    /// <summary>A nonconformity against the same requirement or process within this many months of another is its recurrence.</summary>
    public int RecurrenceMonths { get; private set; } = DefaultRecurrenceMonths;

    /// <summary>The internal audit programme's cycle: every requirement, control and process is audited within it.</summary>
    public int AuditCycleYears { get; private set; } = DefaultAuditCycleYears;

    /// <summary>How many months of records certification readiness asks for before Stage 2.</summary>
    public int OperatingMonths { get; private set; } = DefaultOperatingMonths;

    public void Change(SaveOrganisation.Command c)
    {
        Name = c.Name!.Trim();
        TimeZone = c.TimeZone!.Trim();
        SamePersonMayApprove = c.SamePersonMayApprove;
        RequireTwoFactor = c.RequireTwoFactor;
        RecurrenceMonths = c.RecurrenceMonths;
        AuditCycleYears = c.AuditCycleYears;
        OperatingMonths = c.OperatingMonths;
    }

    public static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out _);
}
