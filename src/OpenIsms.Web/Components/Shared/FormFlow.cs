using Microsoft.AspNetCore.Components;
using OpenIsms.Core.Common;

namespace OpenIsms.Web.Components.Shared;

/// <summary>What every edit form does with a use case's result: redirect on success (post/redirect/get), or stay with
/// the user's input; on a conflict, take the current version so that saving again is a deliberate overwrite.</summary>
public static class FormFlow
{
    public static Result Finish(this NavigationManager navigation, Result result, string next, Action<int>? takeVersion = null)
    {
        if (result.Succeeded)
        {
            navigation.NavigateTo(next);
        }
        else if (result.Conflict is { } conflict)
        {
            takeVersion?.Invoke(conflict.CurrentVersion);
        }

        return result;
    }
}
