using OpenIsms.Web.Components.Shared;
using OpenIsms.Web.Features.Assets;
using OpenIsms.Web.Features.Risks;
using OpenIsms.Web.Features.Soa;

namespace OpenIsms.Web.Features.Imports;

/// <summary>
/// The importers' addresses. Each register's import sits under the register's own address (<c>/risks/import</c>): the
/// upload there, the mapping of one upload below it, and the register itself once the rows are in.
/// </summary>
public static class ImportUrls
{
    private const string Import = "/import";

    public const string Risks = RiskUrls.Home + Import;

    public const string Assets = AssetUrls.Home + Import;

    public const string Soa = SoaUrls.Home + Import;

    public const string TreatmentPlan = RiskUrls.TreatmentPlan + Import;

    public const string Controls = Features.Controls.ControlUrls.Home + Import;

    public const string People = Features.People.PeopleUrls.Import;

    /// <summary>Mapping the columns of one upload (<paramref name="upload"/>: <see cref="Risks"/>, <see cref="Assets"/>, <see cref="Soa"/> or <see cref="TreatmentPlan"/>).</summary>
    public static string Mapping(string upload, Guid id) => $"{upload}/{id}";

    /// <summary>The register an import went into, saying so.</summary>
    public static string Imported(string upload) => upload[..^Import.Length].Done("imported");
}
