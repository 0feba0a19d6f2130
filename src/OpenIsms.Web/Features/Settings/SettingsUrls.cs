namespace OpenIsms.Web.Features.Settings;

/// <summary>The settings' addresses: the organisation, the classification scheme, the users, the owners who can no longer act, and mail.</summary>
public static class SettingsUrls
{
    public const string Organisation = "/settings/organisation";

    public const string Classification = "/settings/classification";

    public const string Users = "/settings/users";

    public const string NewUser = Users + "/new";

    public const string Ownership = "/settings/ownership";

    /// <summary>The mail server as configured, and the outbox.</summary>
    public const string Mail = "/settings/mail";

    public static string MailList(OpenIsms.Core.Notifications.OutboxFilter filter) => Mail + filter.ToQueryString();

    /// <summary>The scheme with one level open in its form.</summary>
    public static string ClassificationLevel(Guid id) => $"{Classification}?edit={id}#level";

    public static string User(string id) => $"{Users}/{Uri.EscapeDataString(id)}";
}
