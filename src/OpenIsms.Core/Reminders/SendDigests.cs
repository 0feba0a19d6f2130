using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Awareness;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.Notifications;
using OpenIsms.Core.People;
using OpenIsms.Core.Risks;

namespace OpenIsms.Core.Reminders;

/// <summary>
/// The daily digest: one mail per active user with what is due for them — versions to approve, reviews of documents
/// they own, documents to acknowledge, treatment actions and control runs due within two weeks or overdue, evidence of
/// their controls expiring, trainings of theirs (as a person on the staff list) due within two weeks or overdue. Nothing
/// due, no mail. Each user's digest for a day is claimed in the database first, so several nodes send it once; a user who
/// switched it off gets none. Requests (an approval asked) are mailed at once by their own use cases, not here.
/// </summary>
public sealed class SendDigests(OpenIsmsDbContext db, GetTrainingsDue trainingsDue)
{
    public const string Kind = "digest";

    public const int LookAheadDays = 14;

    public const int PerSection = 10;

    public sealed class Command
    {
        public DateOnly Today { get; set; }

        /// <summary>The app's address, for the links in the mail.</summary>
        public string LinkBase { get; set; } = "";

        /// <summary>The signed unsubscribe address for a user (made by the web layer).</summary>
        public Func<string, string> UnsubscribeLink { get; set; } = _ => "";
    }

    /// <summary>One line of a digest (a class, not a positional record: five values of which four are strings).</summary>
    private sealed class Item(string userId, string section, string text, string path, DateOnly? due)
    {
        public string UserId => userId;

        public string Section => section;

        public string Text => text;

        public string Path => path;

        public DateOnly? Due => due;
    }

    public async Task<int> Handle(Command c, CancellationToken ct = default)
    {
        var horizon = c.Today.AddDays(LookAheadDays);
        var reviewHorizon = c.Today.AddDays(GetDocumentWork.ReviewLeadDays);
        var optedOut = db.Set<MailPreference>().Where(p => !p.Digest).Select(p => p.UserId);
        var done = db.Set<DigestRun>().Where(r => r.Day == c.Today).Select(r => r.UserId);
        var users = await db.Set<AppUser>().AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && !optedOut.Contains(u.Id) && !done.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        if (users.Count == 0)
        {
            return 0;
        }

        var items = new List<Item>();
        items.AddRange((await (from a in db.Set<DocumentApproval>().AsNoTracking()
                               where a.Decision == ApprovalDecision.Pending
                               join v in db.Set<DocumentVersion>() on a.VersionId equals v.Id
                               where v.State == VersionState.InApproval && v.Round == a.Round
                               join d in db.Set<ControlledDocument>() on v.DocumentId equals d.Id
                               select new { a.ApproverId, d.Id, VersionId = v.Id, d.Reference, d.Title, v.Major, v.Minor }).ToListAsync(ct))
            .Select(x => new Item(x.ApproverId, "Versions to approve", $"{x.Reference} {x.Title}, version {x.Major}.{x.Minor}", $"/documents/{x.Id}/versions/{x.VersionId}", null)));
        items.AddRange((await db.Set<ControlledDocument>().AsNoTracking().Where(d => d.NextReview != null && d.NextReview <= reviewHorizon)
                .Select(d => new { d.OwnerId, d.Id, d.Reference, d.Title, d.NextReview }).ToListAsync(ct))
            .Select(x => new Item(x.OwnerId, "Document reviews due", $"{x.Reference} {x.Title}", $"/documents/{x.Id}#reviews", x.NextReview)));
        items.AddRange((await (from a in db.Set<Acknowledgement>().AsNoTracking()
                               where a.State == AcknowledgementState.Pending
                               join p in db.Set<Person>() on a.PersonId equals p.Id
                               where p.UserId != null
                               join camp in db.Set<AckCampaign>() on a.CampaignId equals camp.Id
                               join d in db.Set<ControlledDocument>() on a.DocumentId equals d.Id
                               select new { p.UserId, a.Id, d.Reference, d.Title, a.VersionLabel, camp.DueDate }).ToListAsync(ct))
            .Select(x => new Item(x.UserId!, "Documents to read and acknowledge", $"{x.Reference} {x.Title}, version {x.VersionLabel}", $"/documents/acknowledgements/{x.Id}", x.DueDate)));
        items.AddRange((await (from a in db.Set<TreatmentAction>().AsNoTracking()
                               where a.OwnerId != null && (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) && a.Due != null && a.Due <= horizon
                               join r in db.Set<Risk>() on a.RiskId equals r.Id
                               select new { a.OwnerId, r.Id, r.Reference, a.Title, a.Due }).ToListAsync(ct))
            .Select(x => new Item(x.OwnerId!, "Treatment actions due", $"{x.Reference}: {x.Title}", $"/risks/{x.Id}", x.Due)));
        items.AddRange((await (from t in db.Set<ControlTask>().AsNoTracking()
                               where t.Status == ControlTaskStatus.Open && t.DueOn <= horizon
                               join k in db.Set<Control>() on t.ControlId equals k.Id
                               where k.OwnerId != null
                               select new { k.OwnerId, k.Id, k.Reference, k.Name, t.DueOn }).ToListAsync(ct))
            .Select(x => new Item(x.OwnerId!, "Control runs due", $"{x.Reference} {x.Name}", $"/controls/{x.Id}", x.DueOn)));

        // A control counts by its longest-valid evidence, as on My work: an expired item that newer evidence replaced is not due.
        var soon = c.Today.AddDays(Evidence.Evidence.ExpiringDays);
        items.AddRange((await (from k in db.Set<Control>().AsNoTracking()
                               where k.OwnerId != null
                               join x in db.Set<Evidence.EvidenceControl>() on k.Id equals x.ControlId
                               join e in db.Set<Evidence.Evidence>() on x.EvidenceId equals e.Id
                               where e.Review != Evidence.EvidenceReview.Rejected
                               group e.ValidUntil by new { k.Id, k.OwnerId, k.Reference, k.Name } into g
                               select new { g.Key.Id, g.Key.OwnerId, g.Key.Reference, g.Key.Name, Until = g.Max(v => v ?? DateOnly.MaxValue) })
                .Where(g => g.Until < soon).ToListAsync(ct))
            .Select(x => new Item(x.OwnerId!, "Evidence expiring", $"{x.Reference} {x.Name}", $"/controls/{x.Id}", x.Until)));

        // Trainings by the awareness area's one due-date rule, for the person linked to each account.
        items.AddRange((await trainingsDue.Handle(c.Today, horizon, ct))
            .Select(x => new Item(x.UserId, "Training to complete", x.Training, "/training/mine", x.Due)));

        var byUser = items.ToLookup(i => i.UserId);
        var sent = 0;
        foreach (var user in users.Where(u => byUser[u.Id].Any()))
        {
            // The claim first: if another node (or an earlier run today) has it, this user is skipped.
            db.Add(DigestRun.Claim(user.Id, c.Today));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (Constraints.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                continue;
            }

            db.QueueMail(Compose(user.Email!, user.DisplayName, byUser[user.Id].ToList(), c), Kind);
            await db.SaveChangesAsync(ct);
            sent++;
        }

        return sent;
    }

    private static MailMessage Compose(string email, string name, List<Item> items, Command c)
    {
        var link = c.LinkBase.TrimEnd('/');
        var text = new StringBuilder($"Hello {name},\n\nThis is what is due for you in the ISMS.\n");
        var html = new StringBuilder($"<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\"><p>Hello {WebUtility.HtmlEncode(name)},</p><p>This is what is due for you in the ISMS.</p>");
        foreach (var section in items.GroupBy(i => i.Section))
        {
            var shown = section.OrderBy(i => i.Due ?? DateOnly.MinValue).Take(PerSection).ToList();
            text.Append($"\n{section.Key} ({section.Count()})\n");
            html.Append($"<h3>{WebUtility.HtmlEncode(section.Key)} ({section.Count()})</h3><ul>");
            foreach (var item in shown)
            {
                var due = item.Due is { } d ? (d < c.Today ? $" — overdue since {d:d MMM yyyy}" : $" — due {d:d MMM yyyy}") : "";
                text.Append($"- {item.Text}{due}: {link}{item.Path}\n");
                html.Append($"<li><a href=\"{WebUtility.HtmlEncode(link + item.Path)}\">{WebUtility.HtmlEncode(item.Text)}</a>{WebUtility.HtmlEncode(due)}</li>");
            }

            if (section.Count() > shown.Count)
            {
                text.Append($"- and {section.Count() - shown.Count} more: {link}/\n");
                html.Append($"<li><a href=\"{WebUtility.HtmlEncode(link + "/")}\">and {section.Count() - shown.Count} more</a></li>");
            }

            html.Append("</ul>");
        }

        var unsubscribe = c.UnsubscribeLink(items[0].UserId);
        text.Append($"\nYou receive this daily digest because you have an account in OpenIsms. Stop it: {unsubscribe}\n");
        html.Append($"<p style=\"color:#555;font-size:90%\">You receive this daily digest because you have an account in OpenIsms. <a href=\"{WebUtility.HtmlEncode(unsubscribe)}\">Stop the daily digest</a>.</p></body></html>");
        return new MailMessage(email, name, $"What is due for you in the ISMS ({items.Count})", text.ToString()) { Html = html.ToString() };
    }
}
