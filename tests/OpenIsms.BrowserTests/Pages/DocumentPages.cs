using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>A document in the register: its page, its draft, its submission, a version's approval, its campaigns and reviews.</summary>
public sealed class DocumentPage(IPage page) : AppPage(page)
{
    public ILocator Pending => Page.Locator("#pending-version");

    public ILocator Reviews => Page.Locator("#reviews");

    public ILocator Preview => Page.Locator("#preview");

    public ILocator Progress => Page.Locator("#progress");

    public ILocator Notice => Page.Locator(".notice-success");

    /// <summary>Policies &amp; documents in the menu → Add a document → the form → the new document's page.</summary>
    public static async Task<DocumentPage> Add(AppPage from, string kind, string title, string owner)
    {
        await from.Menu.GetByRole(AriaRole.Link, new() { Name = "Policies & documents" }).ClickAsync();
        await Arrived(from, new Regex("/documents$"));
        await from.Page.GetByRole(AriaRole.Link, new() { Name = "Add a document" }).ClickAsync();
        await Arrived(from, new Regex("/documents/new$"));
        await from.Page.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await from.Page.GetByLabel("Title").FillAsync(title);
        await from.Page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = owner });
        await from.Page.GetByRole(AriaRole.Button, new() { Name = "Add document" }).ClickAsync();
        return await Arrived(new DocumentPage(from.Page), new Regex("/documents/[0-9a-f-]+\\?done=added$"));
    }

    /// <summary>Edit the draft → type the Markdown (the preview follows as one types) → save.</summary>
    public async Task<DocumentPage> WriteDraft(string markdown, string expectInPreview)
    {
        await Link("Edit the draft").ClickAsync();
        await Arrived(this, new Regex("/versions/[0-9a-f-]+/edit$"));
        await Page.GetByLabel("Text").FillAsync(markdown);
        await Expect(Preview).ToContainTextAsync(expectInPreview);
        await Look("41-document-draft");
        await Button("Save the draft").ClickAsync();
        return await Arrived(this, new Regex("/edit\\?done=saved$"));
    }

    /// <summary>Submit for approval… → tick the approvers → submit: the version page says it was submitted.</summary>
    public async Task<DocumentPage> Submit(params string[] approvers)
    {
        await Link("Submit for approval…").ClickAsync();
        await Arrived(this, new Regex("/submit$"));
        foreach (var approver in approvers)
        {
            await Page.GetByRole(AriaRole.Checkbox, new() { Name = approver }).CheckAsync();
        }

        await Look("42-document-submit");
        await Button("Submit for approval").ClickAsync();
        return await Arrived(this, new Regex("\\?done=submitted$"));
    }

    public async Task<DocumentPage> Approve(string label)
    {
        await Button($"Approve version {label}").ClickAsync();
        return await Arrived(this, new Regex("\\?done=in-force$"));
    }

    /// <summary>Ask people to acknowledge → tick a department → send: the campaign's progress page.</summary>
    public async Task<DocumentPage> AskDepartment(string label, string department)
    {
        await Link($"Ask people to acknowledge version {label}").ClickAsync();
        await Arrived(this, new Regex("/campaigns/new$"));
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = department, Exact = true }).CheckAsync();
        await Look("44-campaign-new");
        await Button("Send the requests").ClickAsync();
        return await Arrived(this, new Regex("/documents/campaigns/[0-9a-f-]+\\?done=campaign$"));
    }

    public async Task<DocumentPage> ReviewedNoChange(string note)
    {
        await Page.GetByLabel("Note (optional)").FillAsync(note);
        await Button("Reviewed, no change").ClickAsync();
        return await Arrived(this, new Regex("\\?done=reviewed"));
    }
}
