using OpenIsms.Core.Controls;

namespace OpenIsms.Web.Features.Controls;

/// <summary>The controls' addresses: the list (also by the Annex A control they implement), each control and its form.</summary>
public static class ControlUrls
{
    public const string Home = "/controls";

    public const string New = Home + "/new";

    /// <summary>The controls that implement one control of the SoA's framework ("A.8.13").</summary>
    public static string ForAnnex(string code) => List(new() { AnnexA = code });

    /// <summary>The list narrowed and paged as the filter says.</summary>
    public static string List(ControlFilter filter) => Home + filter.ToQueryString();

    /// <summary>The register as a file (csv or xlsx), under the page's filters, every matching control.</summary>
    public static string Export(string format, ControlFilter filter) => $"{Home}/export.{format}{(filter with { Page = 1 }).ToQueryString()}";

    /// <summary>The list after creating the starter controls, saying how many were new.</summary>
    public static string StartersCreated(int created) => $"{Home}?created={created}";

    public static string Control(Guid id) => $"{Home}/{id}";

    public static string Edit(Guid id) => $"{Control(id)}/edit";

    /// <summary>One page of the control's evidence, newest first, scrolled to the evidence card.</summary>
    public static string EvidencePage(Guid id, int page) => $"{Control(id)}?evidence={page}#control-evidence";
}
