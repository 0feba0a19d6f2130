using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>Bringing a risk register in from a spreadsheet: upload, the column mapping, the dry run, the import.</summary>
public sealed class RiskImportPage(IPage page) : AppPage(page)
{
    /// <summary>What the dry run found, row by row.</summary>
    public ILocator Report => Page.Locator("#report");

    public static async Task<RiskImportPage> Open(IPage page)
    {
        await page.GotoAsync("/risks/import");
        return await Arrived(new RiskImportPage(page), new Regex("/risks/import$"));
    }

    /// <summary>The column chosen for one of the register's fields (Title, Owner …), as the mapping shows it.</summary>
    public ILocator MappedColumn(string field) => Page.GetByLabel(field, new() { Exact = true }).Locator("option:checked");

    public async Task<RiskImportPage> Upload(string name, string csv)
    {
        await Page.GetByLabel("Register file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Button("Upload and map the columns").ClickAsync();
        return await Arrived(this, new Regex("/risks/import/[0-9a-f-]+$"));
    }

    /// <summary>Checks every row without saving anything: the report appears.</summary>
    public async Task<RiskImportPage> CheckEveryRow()
    {
        await Button("Check every row (nothing is saved)").ClickAsync();
        await Expect(Report).ToBeVisibleAsync();
        return this;
    }

    /// <summary>The value step: what one value of a field's column means (a person for a role name, a word for a treatment).</summary>
    public ILocator Value(string field, string text) => Page.Locator($"#values-{field} + table").GetByLabel(text, new() { Exact = true });

    public async Task<RiskImportPage> Means(string field, string text, string choice)
    {
        await Value(field, text).SelectOptionAsync(new SelectOptionValue { Label = choice });
        return this;
    }

    public async Task<RiskImportPage> GiveMissingRationale(string rationale)
    {
        await Page.GetByLabel("Rationale for treatments that have none").FillAsync(rationale);
        return this;
    }

    public async Task<RiskRegisterPage> Import()
    {
        await Button("Import", exact: true).ClickAsync();
        return await Arrived(new RiskRegisterPage(Page), new Regex("/risks\\?done=imported"));
    }
}
