using System.Text.RegularExpressions;

namespace OpenIsms.UnitTests.Web;

/// <summary>
/// Every link to a file goes through the DownloadLink component: a plain &lt;a download&gt; under hx-boost is fetched by
/// htmx and its bytes swapped into the page. The browser test clicks every file link; this keeps new ones on the path.
/// </summary>
public sealed partial class FileLinkTests
{
    [Fact]
    public void NoPageLinksToAFile_ExceptThroughDownloadLink()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "OpenIsms.Web");
        var offenders = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "DownloadLink.razor")
            .SelectMany(f => RawDownload().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(web, f)}: {m.Value}"))
            .ToList();
        offenders.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(web, "Components", "Shared", "DownloadLink.razor")).ShouldContain("hx-boost=\"false\"");
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OpenIsms.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (OpenIsms.slnx) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"<a\b[^>]*\sdownload\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RawDownload();
}
