using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OpenIsms.Core.Documents;

/// <summary>
/// Renders a document's Markdown to HTML for its pages and exports. Raw HTML is not interpreted (it shows as text), and a
/// link or image to anything but http(s), mailto, a page anchor or a relative address is shown as the text it was
/// written as — so no <c>javascript:</c> link can run.
/// </summary>
public static class DocumentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Parse(markdown);
        // The page (or the printed document) has its own title as its one h1: the text's headings sit one level below it.
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The parsed text, with unsafe links already turned back into text: for renderers other than HTML (the DOCX export).</summary>
    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                Replace(link, markdown.Substring(link.Span.Start, Math.Min(link.Span.Length, markdown.Length - link.Span.Start)));
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            if (!link.IsEmail && !IsSafe(link.Url))
            {
                Replace(link, link.Url);
            }
        }

        return document;
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('#') || trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        // No scheme at all ("policies/access.md") is a relative address; a scheme must be one of the few safe ones.
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return !trimmed.StartsWith("//", StringComparison.Ordinal);
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static void Replace(Inline inline, string text)
    {
        var literal = new LiteralInline(text);
        inline.ReplaceBy(literal, copyChildren: false);
    }
}
