using System.Globalization;
using System.Net;
using System.Text;

namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>A register as a self-contained HTML document laid out for printing (A4 landscape, the header on every page, page numbers).</summary>
public static class PrintableTable
{
    public static async Task<string> Html(string title, string subtitle, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, string generated, IReadOnlyList<int>? widths = null)
    {
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append("@page{size:A4 landscape;margin:12mm 10mm 14mm;@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);font:8pt sans-serif;color:#57606a}")
            .Append("@bottom-left{content:\"").Append(E(generated).Replace("\"", "'", StringComparison.Ordinal)).Append("\";font:8pt sans-serif;color:#57606a}}")
            .Append("body{font:8.5pt/1.35 'DejaVu Sans',Arial,sans-serif;color:#1f2328;margin:0}h1{font-size:15pt;margin:0 0 2mm}p.sub{margin:0 0 4mm;color:#57606a}")
            .Append("table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:0.5pt solid #afb8c1;padding:1.2mm 1.5mm;vertical-align:top;text-align:left;overflow-wrap:anywhere}")
            .Append("th{background:#eaeef2;font-weight:700}thead{display:table-header-group}tr{break-inside:avoid-page}")
            .Append("</style></head><body><h1>").Append(E(title)).Append("</h1><p class=\"sub\">").Append(E(subtitle)).Append("</p><table>");
        if (widths is not null)
        {
            // Fixed column widths (in percent), so that one long cell cannot squeeze the others to a letter each.
            html.Append("<colgroup>");
            foreach (var width in widths)
            {
                html.Append("<col style=\"width:").Append(width.ToString(CultureInfo.InvariantCulture)).Append("%\">");
            }

            html.Append("</colgroup>");
        }

        html.Append("<thead><tr>");
        foreach (var column in header)
        {
            html.Append("<th>").Append(E(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        await foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(Convert.ToString(cell, CultureInfo.InvariantCulture))).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></body></html>").ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
