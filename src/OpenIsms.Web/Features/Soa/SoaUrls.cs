using OpenIsms.Core.Soa;

namespace OpenIsms.Web.Features.Soa;

/// <summary>
/// The Statement of Applicability's addresses: the draft, each control's decision, the htmx fragments that edit a row in
/// place, the approved versions, their comparison and the exports. A control is named by its code.
/// </summary>
public static class SoaUrls
{
    public const string Home = "/soa";

    /// <summary>The statement showing the rows a filter keeps.</summary>
    public static string List(SoaFilter filter) => Home + filter.ToQueryString();

    /// <summary>The page deciding one control, with status, notes and more than the row's quick editor.</summary>
    public static string Entry(string code) => $"{Home}/{Uri.EscapeDataString(code)}";

    /// <summary>The htmx fragment of one row: read with GET, saved with POST.</summary>
    public static string Row(string code) => $"{Home}/rows/{Uri.EscapeDataString(code)}";

    /// <summary>The htmx fragment of one row's quick editor.</summary>
    public static string RowEditor(string code) => $"{Row(code)}/edit";

    public static string Version(int number) => $"{Home}/versions/{number}";

    /// <summary>The changes from version <paramref name="from"/> to version <paramref name="to"/>, or to the draft.</summary>
    public static string Compare(int from, int? to = null) => $"{Home}/compare?fromNumber={from}{(to is { } t ? $"&toNumber={t}" : "")}";

    /// <summary>The draft statement as a file (xlsx, docx or pdf).</summary>
    public static string Export(string format) => $"{Home}/export.{format}?version=draft";

    /// <summary>One approved version of the statement as a file.</summary>
    public static string Export(string format, int version) => $"{Home}/export.{format}?version={version}";
}
