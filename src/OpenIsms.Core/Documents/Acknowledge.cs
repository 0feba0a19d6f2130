using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Documents;

/// <summary>What a personal acknowledgement link opens: one version of one document, for one person, and nothing else.</summary>
public sealed class GetAcknowledgementLink(OpenIsmsDbContext db)
{
    public enum LinkState
    {
        Open,
        Used,
        Expired,
    }

    public sealed record View
    {
        public required Guid AcknowledgementId { get; init; }

        public required string PersonName { get; init; }

        public required string DocumentReference { get; init; }

        public required string DocumentTitle { get; init; }

        public required string VersionLabel { get; init; }

        public required string? Content { get; init; }

        public required string? FileName { get; init; }

        public required string? FileSha256 { get; init; }

        public required string? FileContentType { get; init; }

        public required DateOnly DueDate { get; init; }

        public required LinkState State { get; init; }

        public required DateTime? AcknowledgedAt { get; init; }
    }

    /// <summary>The link's view, or null when no link has this token (mistyped, altered, or replaced by a reminder's).</summary>
    public async Task<View?> Handle(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Acknowledgement.HashToken(token);
        return await Describe(db.Set<Acknowledgement>().AsNoTracking().Where(a => a.TokenHash == hash), ct);
    }

    /// <summary>One of the signed-in person's own acknowledgements (by their staff record), or null.</summary>
    public async Task<View?> Mine(Guid acknowledgementId, CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return null;
        }

        var mine = db.Set<Person>().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id);
        return await Describe(db.Set<Acknowledgement>().AsNoTracking().Where(a => a.Id == acknowledgementId && mine.Contains(a.PersonId)), ct);
    }

    private async Task<View?> Describe(IQueryable<Acknowledgement> acknowledgements, CancellationToken ct)
    {
        var now = db.Clock.UtcNow;
        return await (from a in acknowledgements
                      join c in db.Set<AckCampaign>() on a.CampaignId equals c.Id
                      join v in db.Set<DocumentVersion>() on a.VersionId equals v.Id
                      join d in db.Set<ControlledDocument>() on a.DocumentId equals d.Id
                      select new View
                      {
                          AcknowledgementId = a.Id,
                          PersonName = a.PersonName,
                          DocumentReference = d.Reference,
                          DocumentTitle = d.Title,
                          VersionLabel = v.Major + "." + v.Minor,
                          Content = v.Content,
                          FileName = v.FileName,
                          FileSha256 = v.FileSha256,
                          FileContentType = v.FileContentType,
                          DueDate = c.DueDate,
                          State = a.State == AcknowledgementState.Acknowledged ? LinkState.Used
                              : a.TokenExpiresAt == null || a.TokenExpiresAt < now ? LinkState.Expired : LinkState.Open,
                          AcknowledgedAt = a.AcknowledgedAt,
                      }).FirstOrDefaultAsync(ct);
    }
}

/// <summary>
/// Records an acknowledgement: through a personal link (single use, until it expires; nobody is signed in), or by the
/// signed-in person whose staff record it is. The version's content hash at that moment is kept with it.
/// </summary>
public sealed class Acknowledge(OpenIsmsDbContext db)
{
    public const string ByLink = "personal link";

    public const string SignedIn = "signed in";

    public async Task<Result> ByToken(string token, CancellationToken ct = default)
    {
        var hash = Acknowledgement.HashToken(token ?? "");
        var ack = await db.Set<Acknowledgement>().FirstOrDefaultAsync(a => a.TokenHash == hash, ct);
        if (ack is null)
        {
            return Result.NotFound();
        }

        if (ack.State == AcknowledgementState.Pending && ack.LinkExpired(db.Clock.UtcNow))
        {
            return Result.Fail("This link has expired. Ask the document's owner for a new one.");
        }

        return await Record(ack, ByLink, ct);
    }

    /// <summary>The signed-in person acknowledges one of their own pending acknowledgements.</summary>
    public async Task<Result> Handle(Guid acknowledgementId, CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return Result.Forbidden();
        }

        var mine = db.Set<Person>().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id);
        var ack = await db.Set<Acknowledgement>().FirstOrDefaultAsync(a => a.Id == acknowledgementId && mine.Contains(a.PersonId), ct);
        return ack is null ? Result.NotFound() : await Record(ack, SignedIn, ct);
    }

    private async Task<Result> Record(Acknowledgement ack, string via, CancellationToken ct)
    {
        var hash = await db.Set<DocumentVersion>().Where(v => v.Id == ack.VersionId).Select(v => v.ContentSha256).FirstAsync(ct);
        var result = ack.Acknowledge(hash!, via, db.Clock.UtcNow);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
