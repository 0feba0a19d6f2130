using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>A register as a self-contained HTML document for printing: <see cref="PrintableDocument"/> rendered with Razor's HtmlRenderer.</summary>
public static class PrintableTable
{
    public static async Task<string> Html(IServiceProvider services, DocumentControl control, string subtitle, IReadOnlyList<string> header, IAsyncEnumerable<object?[]> rows, IReadOnlyList<int>? widths = null)
    {
        var list = new List<object?[]>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<PrintableDocument>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PrintableDocument.Control)] = control,
                [nameof(PrintableDocument.Subtitle)] = subtitle,
                [nameof(PrintableDocument.Header)] = header,
                [nameof(PrintableDocument.Rows)] = list,
                [nameof(PrintableDocument.Widths)] = widths,
            }));
            return output.ToHtmlString();
        });
    }
}
