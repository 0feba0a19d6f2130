using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>The ISMS roles (clause 5.3): the list, a role's page with its holders and the competence it needs, the RACI matrix.</summary>
public sealed class RolePage(IPage page) : AppPage(page)
{
    public ILocator Holders => Page.Locator("#holders");

    public static async Task<RolePage> Add(AppPage from, string name, string responsibilities)
    {
        await from.Menu.GetByRole(AriaRole.Link, new() { Name = "ISMS roles & RACI" }).ClickAsync();
        await Arrived(from, new Regex("/roles$"));
        await from.Look("60-roles");
        await from.Page.GetByRole(AriaRole.Link, new() { Name = "Add a role" }).ClickAsync();
        await Arrived(from, new Regex("/roles/new$"));
        await from.Page.GetByLabel("Name").FillAsync(name);
        await from.Page.GetByLabel("Responsibilities", new() { Exact = true }).FillAsync(responsibilities);
        await from.Page.GetByLabel("Authority granted by (optional)").FillAsync("The managing director");
        await from.Page.GetByRole(AriaRole.Button, new() { Name = "Add role" }).ClickAsync();
        return await Arrived(new RolePage(from.Page), new Regex("/roles/[0-9a-f-]+\\?done=added$"));
    }

    public async Task<RolePage> Require(string competence)
    {
        await Page.Locator("#require-form").GetByLabel("Competence").SelectOptionAsync(new SelectOptionValue { Label = competence });
        await Button("Require it").ClickAsync();
        return await Arrived(this, new Regex("done=saved"));
    }

    public async Task<RolePage> Assign(string person)
    {
        await Page.Locator("#assign-form").GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = person });
        await Button("Assign the role").ClickAsync();
        return await Arrived(this, new Regex("done=role-assigned"));
    }
}

/// <summary>The competences, the matrix and a person's competence record (clause 7.2).</summary>
public sealed class CompetencePage(IPage page) : AppPage(page)
{
    public ILocator Needs => Page.Locator("#need-table");

    public ILocator Matrix => Page.Locator("main table");

    public static async Task<CompetencePage> OpenMatrix(AppPage from)
    {
        await from.Menu.GetByRole(AriaRole.Link, new() { Name = "Competence", Exact = true }).ClickAsync();
        return await Arrived(new CompetencePage(from.Page), new Regex("/competences/matrix$"));
    }

    public async Task<CompetencePage> AddCompetence(string name, string kind)
    {
        await Link("Competences", exact: true).ClickAsync();
        await Arrived(this, new Regex("/competences$"));
        await Link("Add a competence").ClickAsync();
        await Arrived(this, new Regex("/competences/new$"));
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        await Button("Add competence").ClickAsync();
        return await Arrived(this, new Regex("/competences/[0-9a-f-]+\\?done=added$"));
    }

    public async Task<CompetencePage> OpenPerson(string name)
    {
        await Matrix.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        return await Arrived(this, new Regex("/competences/people/[0-9a-f-]+$"));
    }

    public async Task<CompetencePage> AddCertificate(string competence, string description, DateOnly obtained, DateOnly expires, string fileName, byte[] file)
    {
        var form = Page.Locator("#evidence-form");
        await form.GetByLabel("Competence").SelectOptionAsync(new SelectOptionValue { Label = competence });
        await form.GetByLabel("Kind of evidence").SelectOptionAsync(new SelectOptionValue { Label = "Certificate" });
        await form.GetByLabel("Description").FillAsync(description);
        await form.GetByLabel("Obtained on").FillAsync(obtained.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Expires on (optional)").FillAsync(expires.ToString("yyyy-MM-dd"));
        await form.GetByLabel("File (optional)").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = file });
        await Look("64-competence-evidence-form");
        await Button("Add evidence").ClickAsync();
        return await Arrived(this, new Regex("done=added"));
    }
}
