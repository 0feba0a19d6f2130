namespace OpenIsms.Web.Features.Responsibilities;

/// <summary>The ISMS roles' addresses: the roles, each role and its form, the RACI matrix and its rows.</summary>
public static class RoleUrls
{
    public const string Home = "/roles";

    public const string New = Home + "/new";

    public const string Raci = Home + "/raci";

    public const string NewRaciRow = Raci + "/new";

    public static string Role(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Role(id)}/edit";

    public static string RaciRow(Guid id) => $"{Raci}/{id}";
}
