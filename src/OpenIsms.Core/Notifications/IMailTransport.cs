namespace OpenIsms.Core.Notifications;

/// <summary>How mail leaves the app (SMTP in the app, <c>SmtpMailTransport</c>): one connection per batch.</summary>
public interface IMailTransport
{
    /// <summary>Opens a connection to the mail server, or says in a few words why it could not (server down, login refused).</summary>
    Task<MailConnecting> Connect(CancellationToken ct);
}

/// <summary>An open connection, or the reason there is none.</summary>
public sealed record MailConnecting(IMailConnection? Connection, string? Error);

/// <summary>A connection to the mail server that hands over one mail after another.</summary>
public interface IMailConnection : IAsyncDisposable
{
    /// <summary>Hands one mail to the server: null when the server took it, otherwise why it did not, in a few words.</summary>
    Task<string?> Send(MailMessage message, CancellationToken ct);
}
