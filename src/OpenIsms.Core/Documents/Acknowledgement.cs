using System.Security.Cryptography;
using System.Text;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Documents;

public enum AcknowledgementState
{
    Pending,
    Acknowledged,
}

/// <summary>
/// A request to an audience to read and acknowledge one version of a document by a date (clauses 5.2 c, 7.3). The
/// audience is resolved to people when the campaign starts; each gets an <see cref="Acknowledgement"/>.
/// </summary>
[AuditName("AcknowledgementCampaign")]
public sealed class AckCampaign : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid DocumentId { get; private set; }

    public Guid VersionId { get; private set; }

    public string VersionLabel { get; private set; } = "";

    public string ContentSha256 { get; private set; } = "";

    /// <summary>Who was asked, in words ("Departments: Sales, IT").</summary>
    public string Audience { get; private set; } = "";

    public DateOnly DueDate { get; private set; }

    public string? Message { get; private set; }

    public string StartedById { get; private set; } = "";

    public int People { get; private set; }

    private AckCampaign()
    {
    }

    public static AckCampaign Start(DocumentVersion version, string audience, DateOnly due, string? message, string userId, int people) => new()
    {
        DocumentId = version.DocumentId,
        VersionId = version.Id,
        VersionLabel = version.Label,
        ContentSha256 = version.ContentSha256!,
        Audience = audience,
        DueDate = due,
        Message = Text.OrNull(message),
        StartedById = userId,
        People = people,
    };

    public void Extend(int added) => People += added;
}

/// <summary>
/// One person's acknowledgement of one version: pending until they acknowledge, then kept for ever with the time and
/// the content hash of what they read. People without an account acknowledge through a personal link: only the SHA-256
/// of its token is stored, it expires, and it works once.
/// </summary>
[AuditName("Acknowledgement")]
public sealed class Acknowledgement : Entity
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(30);

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid CampaignId { get; private set; }

    public Guid DocumentId { get; private set; }

    public Guid VersionId { get; private set; }

    public string VersionLabel { get; private set; } = "";

    /// <summary>The person asked; their name and e-mail are kept as they were, so the record outlives the staff list.</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? PersonId { get; private set; }

    public string PersonName { get; private set; } = "";

    public string? PersonEmail { get; private set; }

    public string? Department { get; private set; }

    public AcknowledgementState State { get; private set; }

    public DateTime? AcknowledgedAt { get; private set; }

    /// <summary>The SHA-256 of the version's content at the moment it was acknowledged.</summary>
    public string? ContentSha256 { get; private set; }

    /// <summary>How it was given: "personal link" or "signed in".</summary>
    public string? Via { get; private set; }

    public string? TokenHash { get; private set; }

    public DateTime? TokenExpiresAt { get; private set; }

    public DateTime? LastSentAt { get; private set; }

    public int Reminders { get; private set; }

    private Acknowledgement()
    {
    }

    public static Acknowledgement Ask(AckCampaign campaign, Guid personId, string name, string? email, string? department) => new()
    {
        CampaignId = campaign.Id,
        DocumentId = campaign.DocumentId,
        VersionId = campaign.VersionId,
        VersionLabel = campaign.VersionLabel,
        PersonId = personId,
        PersonName = name,
        PersonEmail = email,
        Department = department,
    };

    /// <summary>A new personal link (the token goes into the mail; only its hash is kept). A reminder's new link replaces the previous one.</summary>
    public string IssueLink(DateTime now, bool reminder)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        TokenHash = HashToken(token);
        TokenExpiresAt = now + LinkLifetime;
        LastSentAt = now;
        if (reminder)
        {
            Reminders++;
        }

        return token;
    }

    public Result Acknowledge(string contentSha256, string via, DateTime now)
    {
        if (State == AcknowledgementState.Acknowledged)
        {
            return Result.Fail($"Version {VersionLabel} was already acknowledged.");
        }

        State = AcknowledgementState.Acknowledged;
        AcknowledgedAt = now;
        ContentSha256 = contentSha256;
        Via = via;
        return Result.Ok();
    }

    public bool LinkExpired(DateTime now) => TokenExpiresAt is null || TokenExpiresAt < now;

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
