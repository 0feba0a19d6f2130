using Microsoft.AspNetCore.Identity;
using OpenIsms.Core.Activity;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Data.Log;
using OpenIsms.Core.Users;

namespace OpenIsms.UnitTests.Activity;

/// <summary>The activity log's names outlive the classes: every entity has one, none is shared, none in use disappears.</summary>
public sealed class AuditNameTests
{
    /// <summary>
    /// Names that entries in existing logs carry. A name may be added here, never removed or changed: the keyed chain
    /// cannot be rewritten, so a record under a vanished name would lose its history.
    /// </summary>
    private static readonly string[] InUse =
    [
        "ApiToken", "Asset", "AssetDependency", "ClassificationLevel", "ContextIssue", "Control", "ControlRequirement",
        "ControlTask", "Evidence", "EvidenceControl", "InterestedParty", "Organisation", "PartyRequirement", "Requirement",
        "Risk", "RiskAcceptance", "RiskAsset", "RiskAssessment", "RiskControl", "RiskMethodology", "Role", "ScopeInterface",
        "ScopeItem", "ScopeRevision", "SoaEntry", "SoaVersion", "Threat", "TreatmentAction", "User", "UserRole", "Vulnerability",
    ];

    private static IEnumerable<Type> Audited() =>
        typeof(Entity).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Entity).IsAssignableFrom(t))
            .Concat([typeof(AppUser), typeof(IdentityRole), typeof(IdentityUserRole<string>)]);

    [Fact]
    public void EveryEntity_HasItsOwnAuditName()
    {
        var missing = typeof(Entity).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Entity).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes(typeof(AuditNameAttribute), inherit: false).Length == 0)
            .Select(t => t.Name);
        missing.ShouldBeEmpty("each entity names itself for the log with [AuditName]");

        var names = Audited().Select(t => AuditNames.Of(t)!).ToList();
        names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("two types may not share an audit name");
        names.ShouldAllBe(n => System.Text.RegularExpressions.Regex.IsMatch(n, "^[A-Z][A-Za-z]{1,63}$"));
    }

    [Fact]
    public void NoNameInUse_Disappears()
    {
        var names = Audited().Select(t => AuditNames.Of(t)!).ToHashSet();
        InUse.Where(n => !names.Contains(n)).ShouldBeEmpty("entries already in logs carry these names; keep them with [AuditName] when a class is renamed");
    }

    [Fact]
    public void AnEntityWithoutAName_IsRefused_NotRecordedUnderItsClassName()
    {
        Should.Throw<InvalidOperationException>(() => AuditNames.Of(typeof(Unnamed))).Message.ShouldContain("[AuditName]");
        AuditNames.Of(typeof(string)).ShouldBeNull("types the log does not record have no name");
    }

    private sealed class Unnamed : Entity;
}
