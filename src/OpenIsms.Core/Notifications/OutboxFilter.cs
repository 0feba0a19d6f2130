using OpenIsms.Core.Common;
using static OpenIsms.Core.Common.QueryValues;

namespace OpenIsms.Core.Notifications;

/// <summary>The outbox page's filter and page as its URL carries them (<c>?status=Failed&amp;page=2</c>), parsed and printed here, once.</summary>
public sealed record OutboxFilter
{
    /// <summary>Only mails in this state; null for every mail.</summary>
    public MailStatus? Status { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public static OutboxFilter Parse(Func<string, string?> get) => new()
    {
        Status = Enum<MailStatus>(get("status")),
        Page = Int(get("page")) ?? 1,
        PageSize = Int(get("size")) ?? 25,
    };

    /// <summary>The URL's query ("?…", or "" for none), defaults left out.</summary>
    public string ToQueryString() => Join([("status", Status?.ToString()), .. Paging(Page, PageSize)]);
}
