using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Notifications;

/// <summary>
/// Sends one batch from the outbox. The batch is claimed in the database first — a conditional update that takes
/// only mails nobody holds — so several web nodes working the same outbox send each mail once; a node that stops
/// mid-batch leaves its claim to lapse, and another node sends those mails then. Each mail ends sent, or waiting with
/// its error and a later attempt, or (after <see cref="OutboxMail.MaxAttempts"/>) failed: a mail is never dropped.
/// </summary>
public sealed class SendQueuedMail(OpenIsmsDbContext db, IMailTransport transport)
{
    public const int BatchSize = 20;

    /// <summary>How long a claim holds; a batch stops sending well before, so a slow server never lets a claim lapse mid-send.</summary>
    public static readonly TimeSpan ClaimLength = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan SendingWindow = ClaimLength - TimeSpan.FromMinutes(3);

    /// <summary>What one batch did: <see cref="Claimed"/> equal to the batch size means more may be waiting.</summary>
    public sealed record Outcome(int Claimed, int Sent, int Failed);

    public async Task<Outcome> Handle(CancellationToken ct = default)
    {
        var (token, mails) = await Claim(ct);
        if (mails.Count == 0)
        {
            return new(0, 0, 0);
        }

        var sent = 0;
        var failed = 0;
        var start = db.Clock.UtcNow;
        try
        {
            var connecting = await transport.Connect(ct);
            await using var connection = connecting.Connection;
            foreach (var mail in mails)
            {
                if (connection is not null && db.Clock.UtcNow - start > SendingWindow)
                {
                    break; // the rest are released below and go in the next batch
                }

                var error = connection is null ? connecting.Error ?? "The mail server could not be reached." : await connection.Send(mail.Message, ct);
                if (error is null)
                {
                    mail.Delivered(db.Clock.UtcNow);
                    sent++;
                }
                else
                {
                    mail.AttemptFailed(error, db.Clock.UtcNow);
                    failed++;
                }

                // Each outcome is saved at once: a node that stops later sends no delivered mail again.
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        finally
        {
            // What this batch did not get to (stopping, or out of time) is free for the next batch at once.
            await db.Set<OutboxMail>().Where(m => m.ClaimToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        }

        return new(mails.Count, sent, failed);
    }

    /// <summary>
    /// Takes up to a batch of due mails that nobody holds. The candidates are read first; the update then sets this
    /// batch's token only where the mail is still unclaimed (PostgreSQL re-checks the condition on a row another node
    /// changed meanwhile; SQLite writes one at a time), so of two nodes racing for a mail exactly one holds it.
    /// </summary>
    private async Task<(Guid Token, List<OutboxMail> Mails)> Claim(CancellationToken ct)
    {
        var now = db.Clock.UtcNow;
        var candidates = await db.Set<OutboxMail>().AsNoTracking()
            .Where(m => m.Status == MailStatus.Queued && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(BatchSize).Select(m => m.Id).ToListAsync(ct);
        var token = Guid.NewGuid();
        if (candidates.Count == 0)
        {
            return (token, []);
        }

        var until = now + ClaimLength;
        await db.Set<OutboxMail>()
            .Where(m => candidates.Contains(m.Id) && m.Status == MailStatus.Queued && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), ct);
        var mails = await db.Set<OutboxMail>().Where(m => m.ClaimToken == token).OrderBy(m => m.QueuedAt).ToListAsync(ct);
        return (token, mails);
    }
}
