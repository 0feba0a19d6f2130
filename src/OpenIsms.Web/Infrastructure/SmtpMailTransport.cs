using System.Net.Sockets;
using ServiceNotConnectedException = MailKit.ServiceNotConnectedException;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using OpenIsms.Core.Notifications;

namespace OpenIsms.Web.Infrastructure;

/// <summary>
/// Mail over SMTP with MailKit: one connection (and one sign-in) per batch; each mail as plain text, with its HTML as an
/// alternative part when it has one. Failures come back as a short sentence for the outbox page, never a stack trace.
/// </summary>
public sealed class SmtpMailTransport(MailOptions options) : OpenIsms.Core.Notifications.IMailTransport
{
    /// <summary>How long one step (connect, a command, a mail) may take before the server counts as unreachable.</summary>
    private const int TimeoutMilliseconds = 30_000;

    public async Task<MailConnecting> Connect(CancellationToken ct)
    {
        var smtp = options.Smtp;
        var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, SocketOptions(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            return new(new Connection(client, options), null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            return new(null, $"The mail server {smtp.Host}:{smtp.Port} could not be used: {Describe(ex)}");
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>What went wrong in one line: the kind of failure in words, then the server's or the system's own message.</summary>
    private static string Describe(Exception ex)
    {
        var message = ex.Message.ReplaceLineEndings(" ").Trim();
        return ex switch
        {
            SocketException => $"no connection ({message})",
            SslHandshakeException => "the secure connection (TLS) failed; check Mail:Smtp:Security and the server's certificate",
            AuthenticationException => "the server refused the user name or password",
            SmtpCommandException command => $"the server refused ({(int)command.StatusCode}): {message}",
            SmtpProtocolException or ServiceNotConnectedException or IOException => $"the connection broke ({message})",
            OperationCanceledException or TimeoutException => "the server did not answer in time",
            _ => message,
        };
    }

    private sealed class Connection(SmtpClient client, MailOptions options) : IMailConnection
    {
        public async Task<string?> Send(MailMessage mail, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(Compose(mail), ct);
                return null;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                return Describe(ex);
            }
        }

        private MimeMessage Compose(MailMessage mail)
        {
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress(options.FromName, options.Sender));
            message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
            message.Subject = mail.Subject;
            message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
            return message;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or MailKit.ProtocolException or TimeoutException or OperationCanceledException)
            {
                // The mails are handed over; a connection that breaks while saying goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
