using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Notifications;

/// <summary>Queues a test mail to an address, to see that mail from the app arrives (through the outbox, as every mail goes).</summary>
public sealed class SendTestMail(OpenIsmsDbContext db)
{
    public const string Kind = "test";

    public sealed class Command
    {
        public string? To { get; set; }
    }

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(MailPermissions.Manage))
        {
            return Result.Forbidden();
        }

        var to = Text.OrNull(c.To);
        var check = new Validation()
            .Required(nameof(Command.To), to, "Enter the e-mail address to send the test mail to.")
            .MaxLength(nameof(Command.To), to, 256, "The e-mail address")
            .Must(to is null || IsAddress(to), nameof(Command.To), "Enter an e-mail address such as ann@example.org.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        var who = db.CurrentUser.DisplayName;
        var text = $"This is a test mail from OpenIsms, sent by {who}.\n\nIf you can read it, mail from OpenIsms reaches this address.";
        var html = $"<p>This is a test mail from OpenIsms, sent by {System.Net.WebUtility.HtmlEncode(who)}.</p><p>If you can read it, mail from OpenIsms reaches this address.</p>";
        db.QueueMail(new MailMessage(to!, null, "OpenIsms test mail", text) { Html = html }, Kind);
        return await db.SaveAsync(ct);
    }

    /// <summary>A bare address ("ann@example.org"), not a display form ("Ann &lt;ann@…&gt;").</summary>
    private static bool IsAddress(string email) => System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email;
}
