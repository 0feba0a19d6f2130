using OpenIsms.Core.Security;

namespace OpenIsms.Core.Audits;

/// <summary>The internal audit's permissions; the role table says who has them (<see cref="RolePermissions"/>).</summary>
[PermissionSet]
public static class AuditPermissions
{
    public const string Read = "audits.read";

    /// <summary>Plans audits in the programme: scope, criteria, dates, auditors.</summary>
    public const string Plan = "audits.plan";

    /// <summary>Conducts audits: fills in the checklist, raises its findings, reports.</summary>
    public const string Conduct = "audits.conduct";
}
