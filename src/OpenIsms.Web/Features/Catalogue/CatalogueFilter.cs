using OpenIsms.Core.Frameworks;

namespace OpenIsms.Web.Features.Catalogue;

/// <summary>The catalogue's filter as it sits in the URL, shared by the page and its htmx fragment.</summary>
public sealed record CatalogueFilter(string? Q, string? Kind, string? Theme, string? Attribute, int Page, int Size)
{
    public static readonly string[] Themes = ["Organizational", "People", "Physical", "Technological"];

    public static readonly (string Group, string[] Values)[] Attributes =
    [
        ("Control type", ["Preventive", "Detective", "Corrective"]),
        ("Security property", ["Confidentiality", "Integrity", "Availability"]),
        ("Cybersecurity concept", ["Identify", "Protect", "Detect", "Respond", "Recover"]),
        ("Operational capability", ["Governance", "Asset_management", "Information_protection", "Human_resource_security", "Physical_security",
            "System_and_network_security", "Application_security", "Secure_configuration", "Identity_and_access_management",
            "Threat_and_vulnerability_management", "Continuity", "Supplier_relationships_security", "Legal_and_compliance",
            "Information_security_event_management", "Information_security_assurance"]),
        ("Security domain", ["Governance_and_Ecosystem", "Protection", "Defence", "Resilience"]),
    ];

    public ListRequirements.Query ToQuery() => new(
        Q,
        Kind == "clauses" ? RequirementKind.Clause : Kind == "controls" ? RequirementKind.Control : null,
        Themes.Contains(Theme) ? Theme : null,
        Attributes.Any(a => a.Values.Contains(Attribute)) ? Attribute : null,
        Page,
        Size);
}
