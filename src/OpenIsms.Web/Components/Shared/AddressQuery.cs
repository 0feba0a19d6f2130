using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace OpenIsms.Web.Components.Shared;

/// <summary>The current address's query as a register's filter reads it (<c>RiskFilter.Parse(Navigation.Query())</c>).</summary>
public static class AddressQuery
{
    /// <summary>A name's value in the current address's query, or null when it has none.</summary>
    public static Func<string, string?> Query(this NavigationManager navigation)
    {
        var query = QueryHelpers.ParseQuery(new Uri(navigation.Uri).Query);
        return key => query.TryGetValue(key, out var value) ? value.ToString() : null;
    }
}
