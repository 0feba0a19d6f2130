using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>Importing a risk methodology from its YAML or JSON file into the draft.</summary>
public sealed class MethodologyImportPage(IPage page) : AppPage(page)
{
    /// <summary>The file field with its messages.</summary>
    public ILocator FileField => Page.Locator(".field").Filter(new() { Has = Page.Locator("#f-File") });

    /// <summary>Uploads a file the page refuses: it stays, with the problems beside the field.</summary>
    public async Task<MethodologyImportPage> UploadRefused(string name, string text)
    {
        await Upload(name, text);
        await Expect(FileField.Locator(".error-message").First).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Uploads a file that becomes the draft: the methodology page shows it.</summary>
    public async Task<MethodologyPage> UploadIntoDraft(string name, string text)
    {
        await Upload(name, text);
        return await Arrived(new MethodologyPage(Page), new Regex("/risks/methodology\\?done=draft-imported$"));
    }

    private async Task Upload(string name, string text)
    {
        await Page.GetByLabel("Methodology file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/yaml", Buffer = Encoding.UTF8.GetBytes(text) });
        await Button("Import into the draft").ClickAsync();
    }
}
