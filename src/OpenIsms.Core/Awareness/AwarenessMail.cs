using System.Net;
using OpenIsms.Core.Notifications;

namespace OpenIsms.Core.Awareness;

/// <summary>The reminder the awareness area sends, in plain text and HTML.</summary>
public static class AwarenessMail
{
    public const string ReminderKind = "training-reminder";

    public static MailMessage Reminder(string to, string name, string training, DateOnly due, bool hasAccount, string link)
    {
        var greeting = $"Hello {name},";
        var lines = new List<string>
        {
            $"Your training \"{training}\" was due on {due:d MMMM yyyy} and is now overdue.",
            hasAccount
                ? "Open \"My training\" in OpenIsms to complete it."
                : "Please complete it and tell whoever organises training, so that it is recorded.",
        };
        var text = string.Join("\n\n", [greeting, .. lines, .. hasAccount ? new[] { $"My training: {link}" } : [], "— OpenIsms"]) + "\n";
        var html = "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
            + $"<p>{WebUtility.HtmlEncode(greeting)}</p>" + string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"))
            + (hasAccount ? $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">My training</a></p>" : "")
            + "<p style=\"color:#555\">— OpenIsms</p></body></html>";
        return new MailMessage(to, name, $"Reminder: training overdue: {training}", text) { Html = html };
    }
}
