using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>Evidence of a control's run: the form that uploads it, then the evidence with its review.</summary>
public sealed class EvidencePage(IPage page) : AppPage(page)
{
    private ILocator File => Page.GetByLabel("File (for a file)");

    /// <summary>The file field with its label, hint and messages.</summary>
    public ILocator FileField => File.Locator("xpath=..");

    public ILocator Review => Page.Locator("#review");

    /// <summary>Uploads a file whose content the app refuses: the form comes back with a message beside the file.</summary>
    public async Task<EvidencePage> UploadRefused(string title, FilePayload file)
    {
        await Page.GetByLabel("Title").FillAsync(title);
        await File.SetInputFilesAsync(file);
        await Button("Add evidence").ClickAsync();
        await Expect(FileField.Locator(".error-message")).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Chooses the file again (the title kept) and uploads it.</summary>
    public async Task<EvidencePage> UploadAgain(FilePayload file)
    {
        await File.SetInputFilesAsync(file);
        await Button("Add evidence").ClickAsync();
        return await Arrived(this, new Regex("/evidence/[0-9a-f-]+\\?done=added"));
    }

    public async Task<EvidencePage> Accept()
    {
        await Button("Accept evidence").ClickAsync();
        return await Arrived(this, new Regex("/evidence/[0-9a-f-]+\\?done=saved"));
    }
}
