using System.Net;
using OpenIsms.Core.Notifications;

namespace OpenIsms.Core.Documents;

/// <summary>The mails the document register sends, each in plain text and HTML.</summary>
public static class DocumentMail
{
    public const string ApprovalRequestKind = "approval-request";

    public const string DecidedKind = "approval-decided";

    public const string AcknowledgementKind = "acknowledgement";

    public const string ReminderKind = "acknowledgement-reminder";

    public static MailMessage ApprovalRequest(string to, string name, ControlledDocument d, DocumentVersion v, string by, string? link) => Compose(to, name,
        $"Approval asked: {d.Reference} {d.Title}, version {v.Label}",
        [$"{by} asks you to approve version {v.Label} of {d.Reference} \"{d.Title}\".", v.ChangeSummary is { } s ? $"What changed: {s}" : null,
            "Open it to read it, then approve it or reject it with a reason."],
        link, "Read and decide");

    public static MailMessage Decided(string to, string name, ControlledDocument d, DocumentVersion v, ApprovalDecision outcome, string by, string? reason, string? link) => Compose(to, name,
        outcome == ApprovalDecision.Approved ? $"Approved: {d.Reference} {d.Title}, version {v.Label}" : $"Rejected: {d.Reference} {d.Title}, version {v.Label}",
        outcome == ApprovalDecision.Approved
            ? [$"Version {v.Label} of {d.Reference} \"{d.Title}\" is approved and now in force.", $"The last approval came from {by}."]
            : [$"{by} rejected version {v.Label} of {d.Reference} \"{d.Title}\".", $"Reason: {reason}", "The version is a draft again: change it and submit it once more."],
        link, "Open the document");

    public static MailMessage Acknowledge(string to, string name, string document, string versionLabel, DateOnly due, string? message, string link, bool reminder) => Compose(to, name,
        (reminder ? "Reminder: " : "") + $"Please read and acknowledge: {document} (version {versionLabel})",
        [$"Please read {document}, version {versionLabel}, and confirm that you have read it by {due:d MMMM yyyy}.", message,
            "The link below is personal to you and works once. It opens the document and one button to acknowledge it; it does not sign you in."],
        link, "Read and acknowledge");

    private static MailMessage Compose(string to, string? name, string subject, IEnumerable<string?> paragraphs, string? link, string action)
    {
        var lines = paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!).ToList();
        var greeting = string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name},";
        var text = string.Join("\n\n", [greeting, .. lines, .. link is null ? Array.Empty<string>() : [$"{action}: {link}"], "— OpenIsms"]) + "\n";
        var html = "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
            + $"<p>{WebUtility.HtmlEncode(greeting)}</p>"
            + string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"))
            + (link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(action)}</a></p>")
            + "<p style=\"color:#555\">— OpenIsms</p></body></html>";
        return new MailMessage(to, name, subject, text) { Html = html };
    }
}
