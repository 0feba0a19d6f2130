using OpenIsms.Core.Data;

namespace OpenIsms.Core.Notifications;

/// <summary>Queues mail with the change that causes it: the mail is saved (and later sent) only if that change is saved.</summary>
public static class Outbox
{
    public static OutboxMail QueueMail(this OpenIsmsDbContext db, MailMessage message, string kind, Guid? relatedId = null)
    {
        var mail = OutboxMail.Create(message, kind, relatedId, db.Clock.UtcNow);
        db.Add(mail);
        return mail;
    }
}
