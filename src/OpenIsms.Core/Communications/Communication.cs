using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Communications;

/// <summary>How often a planned communication is due.</summary>
public enum CommunicationFrequency
{
    Once,
    Monthly,
    Quarterly,
    HalfYearly,
    Annually,

    /// <summary>When something happens (a policy changes, a serious incident): no date, a trigger.</summary>
    OnEvent,
}

/// <summary>Whether a communication goes to people inside the organisation or to interested parties outside it.</summary>
public enum CommunicationReach
{
    Internal,
    External,
}

/// <summary>
/// One line of the communication plan (clause 7.4): what is communicated, when or how often, to whom, by whom and how. Each
/// time it happens a <see cref="CommunicationRecord"/> is kept, and the next date moves on a period.
/// </summary>
[AuditName("Communication")]
public sealed class CommunicationItem : Entity
{
    public string Subject { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>To whom, in words ("all staff", "customers with a support contract", "the board").</summary>
    public string Audience { get; private set; } = "";

    public CommunicationReach Reach { get; private set; }

    /// <summary>How: the channel or medium (e-mail, intranet, all-hands meeting, website).</summary>
    public string Channel { get; private set; } = "";

    /// <summary>The account that communicates it (its due dates are on their My work).</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public string? OwnerId { get; private set; }

    public CommunicationFrequency Frequency { get; private set; }

    /// <summary>For <see cref="CommunicationFrequency.OnEvent"/>: what sets it off.</summary>
    public string? Trigger { get; private set; }

    /// <summary>When it is next due; none for a communication on an event, or one sent once and done.</summary>
    public DateOnly? NextDueOn { get; private set; }

    /// <summary>No longer planned: it takes no more records, its history stays.</summary>
    public bool Stopped { get; private set; }

    public bool IsPeriodic => Frequency is not (CommunicationFrequency.Once or CommunicationFrequency.OnEvent);

    public Result Update(SaveCommunication.Command c, DateOnly today, bool creating)
    {
        // A communication sent once and recorded has no date left; editing it keeps it done.
        var done = !creating && Frequency == CommunicationFrequency.Once && NextDueOn is null && c.Frequency == CommunicationFrequency.Once;
        var check = new Validation()
            .Required(nameof(Subject), c.Subject, "Say what is communicated.")
            .MaxLength(nameof(Subject), c.Subject, Limits.Name, "What is communicated")
            .MaxLength(nameof(Description), c.Description, Limits.LongText, "The description")
            .Required(nameof(Audience), c.Audience, "Say to whom, for example \"all staff\" or \"customers\".")
            .MaxLength(nameof(Audience), c.Audience, Limits.ShortText, "The audience")
            .Required(nameof(Channel), c.Channel, "Say how, for example \"e-mail\", \"intranet\" or \"all-hands meeting\".")
            .MaxLength(nameof(Channel), c.Channel, Limits.Name, "The channel")
            .Required(nameof(SaveCommunication.Command.OwnerId), c.OwnerId, "Choose who communicates it.")
            .Must(c.Frequency != CommunicationFrequency.OnEvent || !string.IsNullOrWhiteSpace(c.Trigger), nameof(Trigger),
                "Say which event sets it off, for example \"a change to the information security policy\".")
            .MaxLength(nameof(Trigger), c.Trigger, Limits.ShortText, "The event")
            .Must(c.Frequency == CommunicationFrequency.OnEvent || c.Stopped || done || c.NextDueOn is not null,
                nameof(NextDueOn), c.Frequency == CommunicationFrequency.Once ? "Enter the date it is planned for." : "Enter the date it is next due.")
            .Must(c.NextDueOn is null || c.NextDueOn >= today || c.NextDueOn == NextDueOn, nameof(NextDueOn), "The date it is due cannot be in the past.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Subject = c.Subject!.Trim();
        Description = Text.OrNull(c.Description);
        Audience = c.Audience!.Trim();
        Reach = c.Reach;
        Channel = c.Channel!.Trim();
        OwnerId = Text.OrNull(c.OwnerId);
        Frequency = c.Frequency;
        Trigger = c.Frequency == CommunicationFrequency.OnEvent ? Text.OrNull(c.Trigger) : null;
        NextDueOn = c.Frequency == CommunicationFrequency.OnEvent ? null : c.NextDueOn;
        Stopped = c.Stopped;
        return Result.Ok();
    }

    /// <summary>
    /// It happened on <paramref name="day"/>. A record within the current period (after the date one period before the due
    /// date) moves the due date on a period from the later of the two; a communication sent once is then done. An older
    /// record, written up afterwards, is kept as history and moves nothing.
    /// </summary>
    public void Happened(DateOnly day)
    {
        if (NextDueOn is not { } due)
        {
            return;
        }

        if (Frequency == CommunicationFrequency.Once)
        {
            NextDueOn = null;
            return;
        }

        if (day > Before(due, Frequency))
        {
            NextDueOn = After(day > due ? day : due, Frequency);
        }
    }

    /// <summary>How often, in words, for the pages and the export ("Half-yearly", "On an event").</summary>
    public static string Words(CommunicationFrequency frequency) => frequency switch
    {
        CommunicationFrequency.HalfYearly => "Half-yearly",
        CommunicationFrequency.OnEvent => "On an event",
        _ => frequency.ToString(),
    };

    public static DateOnly After(DateOnly day, CommunicationFrequency frequency) => frequency switch
    {
        CommunicationFrequency.Monthly => day.AddMonths(1),
        CommunicationFrequency.Quarterly => day.AddMonths(3),
        CommunicationFrequency.HalfYearly => day.AddMonths(6),
        CommunicationFrequency.Annually => day.AddYears(1),
        _ => day,
    };

    private static DateOnly Before(DateOnly day, CommunicationFrequency frequency) => frequency switch
    {
        CommunicationFrequency.Monthly => day.AddMonths(-1),
        CommunicationFrequency.Quarterly => day.AddMonths(-3),
        CommunicationFrequency.HalfYearly => day.AddMonths(-6),
        CommunicationFrequency.Annually => day.AddYears(-1),
        _ => DateOnly.MinValue,
    };
}

/// <summary>
/// The record that a planned communication happened: when, who recorded it, and what shows it — a link (the intranet
/// post, the slide deck), a file kept in the evidence store, a note.
/// </summary>
[AuditName("CommunicationRecord")]
public sealed class CommunicationRecord : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid ItemId { get; private set; }

    public DateOnly HappenedOn { get; private set; }

    public string? Note { get; private set; }

    public string? Link { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public string? FileName { get; private set; }

    public string? FileContentType { get; private set; }

    public long? FileSize { get; private set; }

    public string? FileSha256 { get; private set; }

    public static CommunicationRecord Create(Guid itemId, DateOnly happenedOn, string? note, string? link, string recordedBy) => new()
    {
        ItemId = itemId, HappenedOn = happenedOn, Note = Text.OrNull(note), Link = Text.OrNull(link), RecordedBy = recordedBy,
    };

    public void AttachFile(string name, string contentType, long size, string sha256)
    {
        FileName = name;
        FileContentType = contentType;
        FileSize = size;
        FileSha256 = sha256;
    }
}
