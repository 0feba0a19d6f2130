namespace OpenIsms.Core.Notifications;

/// <summary>Where a mail is on its way: waiting (or waiting to be tried again), delivered to the SMTP server, or given up.</summary>
public enum MailStatus
{
    Queued,
    Sent,
    Failed,
}

/// <summary>
/// A mail in the outbox. It is written in the same save as the change that causes it (an approval asked, a campaign
/// started), so a mail is never lost nor sent for a change that was rolled back. A sender claims a batch in the
/// database before sending, so several web nodes send each mail once, and a claim that outlives its node expires.
/// Not a business record: the change that queued it is in the activity log; the outbox page shows what was sent.
/// </summary>
public sealed class OutboxMail
{
    public const int MaxAttempts = 8;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string To { get; private set; } = "";

    public string? ToName { get; private set; }

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    /// <summary>What caused the mail, such as "approval-request" or "acknowledgement": for the outbox page's filter.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The record the mail is about (a document version, an acknowledgement), when there is one.</summary>
    public Guid? RelatedId { get; private set; }

    public MailStatus Status { get; private set; }

    public DateTime QueuedAt { get; private set; }

    /// <summary>When the mail may be tried (again); moved forward with back-off after a failure.</summary>
    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>The batch that holds the mail while it is being sent; null when nobody does.</summary>
    public Guid? ClaimToken { get; private set; }

    /// <summary>After this the claim has lapsed (its node stopped mid-batch) and another sender may take the mail.</summary>
    public DateTime? ClaimedUntil { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    private OutboxMail()
    {
    }

    public static OutboxMail Create(MailMessage message, string kind, Guid? relatedId, DateTime now) => new()
    {
        To = message.To,
        ToName = message.ToName,
        Subject = message.Subject,
        TextBody = message.Text,
        HtmlBody = message.Html,
        Kind = kind,
        RelatedId = relatedId,
        Status = MailStatus.Queued,
        QueuedAt = now,
        NextAttemptAt = now,
    };

    public MailMessage Message => new(To, ToName, Subject, TextBody) { Html = HtmlBody };

    /// <summary>The server took the mail: it is sent, and nobody holds it any more.</summary>
    public void Delivered(DateTime now)
    {
        Attempts++;
        Status = MailStatus.Sent;
        SentAt = now;
        ReleaseClaim();
    }

    /// <summary>
    /// The attempt failed: tried again after the back-off, or given up after <see cref="MaxAttempts"/> attempts. The
    /// error is kept short (a message, not a stack trace) for the outbox page.
    /// </summary>
    public void AttemptFailed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length <= ErrorLength ? error : error[..(ErrorLength - 1)] + "…";
        if (Attempts >= MaxAttempts)
        {
            Status = MailStatus.Failed;
        }
        else
        {
            NextAttemptAt = now + BackOff(Attempts);
        }

        ReleaseClaim();
    }

    /// <summary>An administrator's "try again now": a waiting mail is due at once, a failed one is queued again for one more attempt.</summary>
    public bool RetryNow(DateTime now)
    {
        if (Status == MailStatus.Sent)
        {
            return false;
        }

        Status = MailStatus.Queued;
        NextAttemptAt = now;
        return true;
    }

    private void ReleaseClaim()
    {
        ClaimToken = null;
        ClaimedUntil = null;
    }

    private const int ErrorLength = 1000; // the column's length (OutboxConfiguration)

    /// <summary>How long to wait after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}

/// <summary>A mail's recipient and content: plain text always, HTML beside it when given.</summary>
public sealed record MailMessage(string To, string? ToName, string Subject, string Text)
{
    public string? Html { get; init; }
}
