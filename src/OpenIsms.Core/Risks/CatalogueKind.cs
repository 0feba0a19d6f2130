namespace OpenIsms.Core.Risks;

public enum CatalogueKind
{
    Threats,
    Vulnerabilities,
}
