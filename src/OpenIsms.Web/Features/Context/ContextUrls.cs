using OpenIsms.Core.Context;

namespace OpenIsms.Web.Features.Context;

/// <summary>The context's addresses (clause 4): the internal and external issues, and the interested parties with their requirements.</summary>
public static class ContextUrls
{
    public const string Issues = "/context/issues";

    public const string NewIssue = Issues + "/new";

    public const string Parties = "/context/parties";

    public const string NewParty = Parties + "/new";

    /// <summary>The issues narrowed and paged as the filter says.</summary>
    public static string IssueList(ContextIssueFilter filter) => Issues + filter.ToQueryString();

    /// <summary>The interested parties narrowed and paged as the filter says.</summary>
    public static string PartyList(InterestedPartyFilter filter) => Parties + filter.ToQueryString();

    public static string Issue(Guid id) => $"{Issues}/{id}";

    public static string EditIssue(Guid id) => $"{Issue(id)}/edit";

    public static string Party(Guid id) => $"{Parties}/{id}";

    public static string EditParty(Guid id) => $"{Party(id)}/edit";

    public static string NewRequirement(Guid partyId) => $"{Party(partyId)}/requirements/new";

    public static string Requirement(Guid partyId, Guid id) => $"{Party(partyId)}/requirements/{id}";
}
