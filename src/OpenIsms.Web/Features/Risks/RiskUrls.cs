using OpenIsms.Core.Risks;

namespace OpenIsms.Web.Features.Risks;

/// <summary>
/// The risk area's addresses: the register (its query printed by <see cref="RiskFilter"/>, as the page parses it), each
/// risk and its treatment actions, the heat map, the exports, the treatment plan, the threat and vulnerability
/// catalogues and the methodology. A notice or a section is added with <c>.Done(…)</c> and <c>.At(…)</c>.
/// </summary>
public static class RiskUrls
{
    public const string Home = "/risks";

    public const string New = Home + "/new";

    public const string TreatmentPlan = Home + "/treatment-plan";

    public const string Catalogues = Home + "/catalogues";

    public const string Methodology = Home + "/methodology";

    public const string MethodologyEdit = Methodology + "/edit";

    public const string Reassess = Methodology + "/reassess";

    public const string MethodologyImport = Methodology + "/import";

    /// <summary>The register showing the risks of <paramref name="filter"/>, sorted and paged as it says.</summary>
    public static string Register(RiskFilter filter) => Home + filter.ToQueryString();

    /// <summary>The risks whose treatment plans on one control of the SoA's framework.</summary>
    public static string ForAnnex(string code) => Register(new RiskFilter { AnnexA = code });

    /// <summary>
    /// The register narrowed to one heat-map cell: the cell first, then the register's <paramref name="filters"/> (a query
    /// string without "?") as the heat map was given them.
    /// </summary>
    public static string Cell(RatingKind kind, int likelihood, int impact, string? filters) =>
        $"{Home}?kind={kind.ToString().ToLowerInvariant()}&l={likelihood}&i={impact}{(string.IsNullOrEmpty(filters) ? "" : "&" + filters)}";

    /// <summary>The heat maps of the risks the register shows: its filters without level, cell, sort or page.</summary>
    public static string HeatMap(RiskFilter filter) => Home + "/heatmap" + (filter with { Level = null }).ToQueryString(view: false);

    /// <summary>The register as a file (csv or xlsx), with every risk that matches its filters.</summary>
    public static string Export(string format, RiskFilter filter) => $"{Home}/export.{format}{filter.ToQueryString(view: false)}";

    public static string Risk(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Risk(id)}/edit";

    public static string Action(Guid riskId, Guid actionId) => $"{Risk(riskId)}/actions/{actionId}";

    /// <summary>The treatment plan narrowed and paged as the filter says.</summary>
    public static string TreatmentPlanList(TreatmentPlanFilter filter) => TreatmentPlan + filter.ToQueryString();

    /// <summary>The treatment plan as a file (csv, xlsx or docx), with every action that matches the plan page's filter.</summary>
    public static string TreatmentPlanExport(string format, TreatmentPlanFilter filter) => $"{TreatmentPlan}.{format}{filter.Unpaged.ToQueryString()}";

    public static string Catalogue(CatalogueKind kind) => CatalogueList(new() { Kind = kind });

    /// <summary>The threat or vulnerability catalogue showing what a filter keeps.</summary>
    public static string CatalogueList(ThreatCatalogueFilter filter) => Catalogues + filter.ToQueryString();

    /// <summary>The catalogue with one entry open in its form.</summary>
    public static string CatalogueEntry(CatalogueKind kind, Guid id) => $"{Catalogue(kind)}&edit={id}#entry";

    /// <summary>The catalogue after adding the starter entries, saying how many were new.</summary>
    public static string StartersAdded(CatalogueKind kind, int added) => $"{Catalogue(kind)}&added={added}";

    public static string MethodologyVersion(int number) => $"{Methodology}/{number}";

    /// <summary>A version as a file (YAML or JSON) that imports back as it was.</summary>
    public static string MethodologyFile(int number, string format) => $"{Methodology}/{number}/methodology.{format}";

    /// <summary>The re-assessment page after re-rating, saying how many risks it re-rated.</summary>
    public static string Reassessed(int remapped) => $"{Reassess}?remapped={remapped}";
}
