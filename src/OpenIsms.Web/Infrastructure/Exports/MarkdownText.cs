using System.Text.RegularExpressions;

namespace OpenIsms.Web.Infrastructure.Exports;

/// <summary>A user's words put into a generated report's Markdown as text: they cannot become a heading, a list, a link or markup.</summary>
public static partial class MarkdownText
{
    public static string Escape(string text) => LineStart().Replace(Inline().Replace(text.Replace("\r", "", StringComparison.Ordinal), @"\$1"), @"$1\$2");

    [GeneratedRegex(@"([\\`*_\[\]<>|#])")]
    private static partial Regex Inline();

    [GeneratedRegex(@"(?m)^(\s*)([-+=]|\d+\.)")]
    private static partial Regex LineStart();
}
