using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Notifications;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Documents;

/// <summary>
/// Asks an audience — everyone, departments, roles or chosen people on the staff list — to read and acknowledge the
/// version in force by a date. Each person still employed gets an acknowledgement and, with an e-mail address, a
/// personal link. Nobody is asked twice for the same version; a minor version that does not ask for acknowledgement
/// again skips whoever acknowledged a version of the same major number.
/// </summary>
public sealed class StartCampaign(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid DocumentId { get; set; }

        public bool Everyone { get; set; }

        public List<string>? Departments { get; set; } = [];

        public List<string>? Roles { get; set; } = [];

        public List<Guid>? PersonIds { get; set; } = [];

        public DateOnly? DueDate { get; set; }

        public string? Message { get; set; }

        /// <summary>The acknowledgement page's address with <c>{token}</c> where the personal token goes.</summary>
        public string LinkTemplate { get; set; } = "";
    }

    public sealed record Started(Guid CampaignId, int Asked, int Skipped, int WithoutEmail);

    public async Task<Result<Started>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Campaign) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<Started>.From(Result.Forbidden());
        }

        var document = await db.Set<ControlledDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == c.DocumentId, ct);
        if (document is null)
        {
            return Result<Started>.From(Result.NotFound());
        }

        var version = await db.Set<DocumentVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == document.CurrentVersionId, ct);
        var today = await db.Clock.Today(ct);
        var departments = (c.Departments ?? []).Select(Text.OrNull).OfType<string>().Distinct().ToList();
        var roles = (c.Roles ?? []).Select(Text.OrNull).OfType<string>().Distinct().ToList();
        var personIds = (c.PersonIds ?? []).Distinct().ToList();
        var check = new Validation()
            .Must(version is not null, "", "The document has no approved version yet: people are asked to acknowledge the version in force.")
            .Must(c.Everyone || departments.Count + roles.Count + personIds.Count > 0, "Audience", "Choose who is asked: everyone, departments, roles or people.")
            .Must(c.DueDate is not null, nameof(Command.DueDate), "Enter the date by which people should acknowledge it.")
            .Must(c.DueDate is null || c.DueDate > today, nameof(Command.DueDate), "The due date must be after today.")
            .MaxLength(nameof(Command.Message), c.Message, Limits.ShortText, "The message");
        if (!check.IsValid)
        {
            return Result<Started>.From(check.ToResult());
        }

        var people = db.Set<Person>().AsNoTracking().Where(p => p.LeavingDate == null || p.LeavingDate >= today);
        if (!c.Everyone)
        {
            var roleUsers = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))).Select(ur => ur.UserId);
            people = people.Where(p => personIds.Contains(p.Id) || (p.Department != null && departments.Contains(p.Department))
                || (p.UserId != null && roleUsers.Contains(p.UserId)));
        }

        // Already asked for this version, or (for a minor version that does not ask again) acknowledged this major version.
        var versionId = version!.Id;
        var sameMajor = db.Set<DocumentVersion>().Where(v => v.DocumentId == document.Id && v.Major == version.Major).Select(v => v.Id);
        var skip = db.Set<Acknowledgement>().Where(a => a.VersionId == versionId
            || (!version.AskAcknowledgement && a.State == AcknowledgementState.Acknowledged && sameMajor.Contains(a.VersionId)));
        var all = await people.Select(p => new { p.Id, p.Name, p.Email, p.Department, Skip = skip.Any(a => a.PersonId == p.Id) }).ToListAsync(ct);
        var asked = all.Where(p => !p.Skip).ToList();
        if (asked.Count == 0)
        {
            return Result<Started>.From(Result.Invalid(new FieldError("Audience", all.Count == 0
                ? "Nobody on the staff list matches this audience."
                : $"Everyone in this audience ({all.Count}) has already been asked to acknowledge version {version.Label}.")));
        }

        var audience = c.Everyone ? "Everyone"
            : string.Join("; ", new[]
            {
                departments.Count > 0 ? $"Departments: {string.Join(", ", departments)}" : null,
                roles.Count > 0 ? $"Roles: {string.Join(", ", roles)}" : null,
                personIds.Count > 0 ? $"{personIds.Count} chosen {(personIds.Count == 1 ? "person" : "people")}" : null,
            }.OfType<string>());
        var campaign = AckCampaign.Start(version, audience, c.DueDate!.Value, c.Message, userId, asked.Count);
        db.Add(campaign);
        var now = db.Clock.UtcNow;
        var title = $"{document.Reference} {document.Title}";
        foreach (var p in asked)
        {
            var ack = Acknowledgement.Ask(campaign, p.Id, p.Name, p.Email, p.Department);
            db.Add(ack);
            if (p.Email is { } email)
            {
                var token = ack.IssueLink(now, reminder: false);
                db.QueueMail(DocumentMail.Acknowledge(email, p.Name, title, version.Label, campaign.DueDate, campaign.Message, c.LinkTemplate.Replace("{token}", token), reminder: false),
                    DocumentMail.AcknowledgementKind, ack.Id);
            }
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded
            ? new Started(campaign.Id, asked.Count, all.Count - asked.Count, asked.Count(p => p.Email is null))
            : Result<Started>.From(saved);
    }
}

/// <summary>Sends a new personal link to everyone in a campaign who has not acknowledged yet (the previous link stops working).</summary>
public sealed class SendReminders(OpenIsmsDbContext db)
{
    public async Task<Result<int>> Handle(Guid campaignId, string linkTemplate, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(DocumentPermissions.Campaign))
        {
            return Result<int>.From(Result.Forbidden());
        }

        var campaign = await db.Set<AckCampaign>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == campaignId, ct);
        if (campaign is null)
        {
            return Result<int>.From(Result.NotFound());
        }

        var document = await db.Set<ControlledDocument>().AsNoTracking().FirstAsync(d => d.Id == campaign.DocumentId, ct);
        var pending = await db.Set<Acknowledgement>()
            .Where(a => a.CampaignId == campaignId && a.State == AcknowledgementState.Pending && a.PersonEmail != null).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return Result<int>.From(Result.Fail("Nobody with an e-mail address is still to acknowledge."));
        }

        var now = db.Clock.UtcNow;
        foreach (var ack in pending)
        {
            var token = ack.IssueLink(now, reminder: true);
            db.QueueMail(DocumentMail.Acknowledge(ack.PersonEmail!, ack.PersonName, $"{document.Reference} {document.Title}", campaign.VersionLabel, campaign.DueDate,
                campaign.Message, linkTemplate.Replace("{token}", token), reminder: true), DocumentMail.ReminderKind, ack.Id);
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? pending.Count : Result<int>.From(saved);
    }
}
