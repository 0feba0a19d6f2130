namespace OpenIsms.Web.Infrastructure;

/// <summary>How the mail server is reached (<c>Mail:Smtp:…</c>), which security the connection uses.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP, for a relay on the same host or network only.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,
}

/// <summary>The mail server, from the configuration section <c>Mail</c>. Without a host, mail waits in the outbox and nothing sends it.</summary>
public sealed class MailOptions
{
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The sender's address; without one, <c>openisms@</c> the server's host name.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "OpenIsms";

    /// <summary>How long the sender waits between looks at the outbox when the last batch was not full.</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>From this hour of the organisation's day, each user's daily digest is sent (0–23); below 0, no digests.</summary>
    public int DigestHour { get; set; } = 7;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    public string Sender => string.IsNullOrWhiteSpace(From) ? $"openisms@{Smtp.Host}" : From.Trim();

    public static MailOptions Read(IConfiguration config) => config.GetSection("Mail").Get<MailOptions>() ?? new();

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 25;

        public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

        public string? UserName { get; set; }

        /// <summary>Used to sign in, never shown (the mail page names the user only).</summary>
        public string? Password { get; set; }
    }
}
