using OpenIsms.Core.Security;

namespace OpenIsms.Core.Competences;

/// <summary>The competence records' permissions (personal data: not for Viewers); the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class CompetencePermissions
{
    public const string Read = "competence.read";

    public const string Edit = "competence.edit";
}
