using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests;

/// <summary>
/// Clicks every file link (the DownloadLink component marks them with data-download) on the given pages with a plain
/// click, as a person does, and reads each file back: its type by its first bytes, its size, and a text it must hold.
/// </summary>
public static class Downloads
{
    /// <summary>
    /// Risk register XLSX and CSV; treatment plan DOCX, XLSX and CSV; methodology version 1 as YAML and JSON; the asset
    /// inventory, the controls register and the staff list as XLSX and CSV; the SoA draft and an approved version as XLSX, DOCX and PDF;
    /// an evidence file. A new file link raises this number, and the test then asks for its page.
    /// </summary>
    public const int LinksInTheApp = 20;

    public static async Task<int> ClickEvery(IPage page, IReadOnlyList<(string Path, string Contains)> pages)
    {
        var folder = Path.Combine(BrowserApp.ScreenshotFolder, "downloads");
        Directory.CreateDirectory(folder);
        var clicked = 0;
        foreach (var (path, contains) in pages)
        {
            await page.GotoAsync(path);
            var links = page.Locator("a[data-download]");
            await Expect(links.First, $"no file link on {path}").ToBeVisibleAsync();
            var count = await links.CountAsync();
            for (var i = 0; i < count; i++)
            {
                var link = links.Nth(i);
                var type = await link.GetAttributeAsync("data-download") ?? "";
                var name = (await link.InnerTextAsync()).Trim();
                var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
                var file = Path.Combine(folder, $"{clicked:00}-{download.SuggestedFilename}");
                await download.SaveAsAsync(file);
                (await download.FailureAsync()).ShouldBeNull($"{name} on {path}");
                Check(await File.ReadAllBytesAsync(file), type, contains, $"{name} on {path} ({download.SuggestedFilename})");

                // The click downloaded and nothing else: the page is still the page, not the file's bytes swapped in.
                await Expect(page).ToHaveURLAsync(new Regex("^[^?#]*//[^/]+" + Regex.Escape(path.Split('?')[0]) + "([?#].*)?$"));
                await Expect(page.Locator("main h1"), $"the page after downloading {name} on {path}").ToHaveCountAsync(1);
                clicked++;
            }
        }

        return clicked;
    }

    private static void Check(byte[] bytes, string type, string contains, string what)
    {
        bytes.Length.ShouldBeGreaterThan(0, what);
        switch (type)
        {
            case "xlsx" or "docx":
                bytes[..2].ShouldBe("PK"u8.ToArray(), $"{what} is not an Office file");
                using (var zip = new ZipArchive(new MemoryStream(bytes)))
                {
                    zip.GetEntry(type == "xlsx" ? "xl/workbook.xml" : "word/document.xml").ShouldNotBeNull(what);
                    var text = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                        .Select(e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd()));
                    text.ShouldContain(contains, Case.Sensitive, what);
                }

                break;
            case "zip":
                using (var pack = new ZipArchive(new MemoryStream(bytes)))
                {
                    pack.GetEntry("manifest.json").ShouldNotBeNull(what);
                }

                break;
            case "pdf":
                Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-", what);
                Encoding.ASCII.GetString(bytes[^1024..]).ShouldContain("%%EOF", Case.Sensitive, what);
                break;
            case "csv":
                var csv = Encoding.UTF8.GetString(bytes);
                csv.ShouldContain(contains, Case.Sensitive, what);
                csv.ShouldNotContain("<html", Case.Insensitive, what);
                break;
            default:
                Encoding.UTF8.GetString(bytes).ShouldContain(contains, Case.Sensitive, what);
                break;
        }
    }
}
