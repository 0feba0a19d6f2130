using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Notifications;

/// <summary>"Try again now": a waiting mail goes in the next batch, and a failed one is queued again for one more attempt.</summary>
public sealed class RetryMail(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(Guid id, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(MailPermissions.Manage))
        {
            return Result.Forbidden();
        }

        if (await db.Set<OutboxMail>().FindAsync([id], ct) is not { } mail)
        {
            return Result.NotFound();
        }

        if (!mail.RetryNow(db.Clock.UtcNow))
        {
            return Result.Fail("This mail was sent already.");
        }

        return await db.SaveAsync(ct);
    }
}
