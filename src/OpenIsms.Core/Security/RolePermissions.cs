namespace OpenIsms.Core.Security;

/// <summary>
/// Which role grants which permission, written as a table so that a change reads as one line of a diff ("Auditor gains
/// audits.edit"). Areas declare their permissions themselves (<see cref="Permissions.All"/>); a unit test checks that
/// each appears here exactly once and that nothing here is undeclared. The route-by-role test checks every page against it.
/// </summary>
public static class RolePermissions
{
    // One row per permission, one column per role (Roles.All, in order); "x" grants.
    private const string Table = """
        permission                Administrator  ISMS manager  Contributor  Auditor  Viewer
        self                      x              x             x            x        x
        catalogue.read            x              x             x            x        x
        scope.read                x              x             x            x        x
        scope.edit                x              x             x
        scope.approve             x              x
        context.read              x              x             x            x        x
        context.edit              x              x             x
        assets.read               x              x             x            x        x
        assets.edit               x              x             x
        risks.read                x              x             x            x        x
        risks.edit                x              x             x
        risks.accept              x              x             x
        risks.approve             x              x
        controls.read             x              x             x            x        x
        controls.edit             x              x             x
        controls.operate          x              x             x
        soa.approve               x              x
        evidence.read             x              x             x            x
        evidence.add              x              x             x
        evidence.review           x              x
        people.read               x              x             x            x
        documents.read            x              x             x            x        x
        documents.edit            x              x             x
        documents.approve         x              x
        documents.campaign        x              x
        people.edit               x              x
        roles.read                x              x             x            x        x
        roles.edit                x              x
        competence.read           x              x             x            x
        competence.edit           x              x
        objectives.read           x              x             x            x        x
        objectives.edit           x              x
        metrics.measure           x              x             x
        training.read             x              x             x            x
        training.edit             x              x
        communication.read        x              x             x            x        x
        communication.edit        x              x             x
        audits.read               x              x             x            x        x
        audits.plan               x              x
        audits.conduct            x              x                          x
        reviews.read              x              x             x            x        x
        reviews.hold              x              x
        changes.read              x              x             x            x        x
        changes.edit              x              x
        readiness.read            x              x             x            x
        readiness.pack            x              x
        nonconformities.read      x              x             x            x        x
        nonconformities.edit      x              x             x
        nonconformities.verify    x              x
        improvements.read         x              x             x            x        x
        improvements.edit         x              x             x
        activity.read             x              x             x            x        x
        activity.verify           x              x                          x
        users.manage              x
        organisation.manage       x
        mail.manage               x
        """;

    private static readonly Dictionary<string, HashSet<string>> Map = Parse(Table);

    /// <summary>The permissions the table names, in its order.</summary>
    public static IReadOnlyList<string> Listed { get; } = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
        .Select(line => line.Trim().Split(' ')[0]).ToList();

    public static bool Grants(string role, string permission) =>
        Map.TryGetValue(role, out var granted) && granted.Contains(permission);

    public static bool AnyGrants(IEnumerable<string> roles, string permission) => roles.Any(r => Grants(r, permission));

    /// <summary>The roles that grant a permission, for queries that look for people who may do something.</summary>
    public static IReadOnlyList<string> RolesGranting(string permission) => [.. Map.Where(m => m.Value.Contains(permission)).Select(m => m.Key)];

    // Columns are found by where each role's name starts in the header, so the table may be realigned freely.
    private static Dictionary<string, HashSet<string>> Parse(string table)
    {
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var columns = Roles.All.Select(role => (Role: role, Start: header.IndexOf(role, StringComparison.Ordinal))).ToList();
        if (columns.Any(c => c.Start < 0))
        {
            throw new InvalidOperationException("The role table's header must name every role.");
        }

        var map = Roles.All.ToDictionary(r => r, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var permission = line.Trim().Split(' ')[0];
            foreach (var (role, start) in columns)
            {
                if (start < line.Length && line[start] == 'x')
                {
                    map[role].Add(permission);
                }
            }
        }

        return map;
    }
}
