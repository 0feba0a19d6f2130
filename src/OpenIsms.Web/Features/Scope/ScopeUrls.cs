namespace OpenIsms.Web.Features.Scope;

/// <summary>The ISMS scope's addresses (clause 4.3): the statement and its versions, the items in and out of scope, and the interfaces.</summary>
public static class ScopeUrls
{
    public const string Home = "/scope";

    public const string Edit = Home + "/edit";

    public const string NewItem = Home + "/items/new";

    public const string NewInterface = Home + "/interfaces/new";

    /// <summary>An approved version of the statement, as it was approved.</summary>
    public static string Version(int number) => $"{Home}/versions/{number}";

    public static string Item(Guid id) => $"{Home}/items/{id}";

    public static string Interface(Guid id) => $"{Home}/interfaces/{id}";
}
