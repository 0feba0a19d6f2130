using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>One risk: the form that records it, then its rating, treatment, plan of actions and the owner's acceptance.</summary>
public sealed class RiskPage(IPage page) : AppPage(page)
{
    public ILocator Rating => Page.Locator("#rating");

    public ILocator Actions => Page.Locator("#actions");

    public ILocator Acceptance => Page.Locator("#acceptance");

    private ILocator Treatment => Page.Locator("#treatment");

    /// <summary>Records a new risk with its owner, one asset concerned and one planned Annex A control.</summary>
    public static async Task<RiskPage> Record(IPage page, string title, string owner, string asset, string control)
    {
        await page.GotoAsync("/risks/new");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Risk owner").SelectOptionAsync(new SelectOptionValue { Label = owner });
        await page.GetByLabel("Assets concerned").SelectOptionAsync(new SelectOptionValue { Label = asset });
        await page.GetByLabel("Planned Annex A controls").SelectOptionAsync(new[] { new SelectOptionValue { Label = control } });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record risk" }).ClickAsync();
        return await Arrived(new RiskPage(page), new Regex("/risks/[0-9a-f-]+\\?done=added"));
    }

    public async Task<RiskPage> Assess(Rating inherent, Rating residual)
    {
        await Rate("Inherent — with the existing controls", inherent);
        await Rate("Residual — after the planned treatment", residual);
        await Button("Record assessment").ClickAsync();
        return await Arrived(this, new Regex("done=assessed"));
    }

    /// <summary>Chooses the treatment (Mitigate, Accept …) and says why.</summary>
    public async Task<RiskPage> Treat(string treatment, string rationale)
    {
        await Treatment.Locator("summary").ClickIfClosed();
        await Treatment.Locator($"input[value='{treatment}']").CheckAsync();
        await Page.GetByLabel("Rationale").FillAsync(rationale);
        await Button("Save treatment").ClickAsync();
        return await Arrived(this, new Regex("done=saved"));
    }

    public async Task<RiskPage> AddAction(string action, string owner, DateOnly due)
    {
        await Actions.Locator("summary").ClickAsync();
        await Actions.GetByLabel("Action").FillAsync(action);
        await Actions.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = owner });
        await Actions.GetByLabel("Due", new() { Exact = true }).FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Button("Add action").ClickAsync();
        return await Arrived(this, new Regex("done=added"));
    }

    /// <summary>The owner accepts the treatment plan and the residual risk.</summary>
    public async Task<RiskPage> AcceptPlanAndResidualRisk()
    {
        await Button("Accept the plan and the residual risk").ClickAsync();
        return await Arrived(this, new Regex("done=accepted"));
    }

    private async Task Rate(string part, Rating rating)
    {
        var fieldset = Page.GetByRole(AriaRole.Group, new() { Name = part });
        await fieldset.GetByLabel("Likelihood", new() { Exact = true }).SelectOptionAsync(Text(rating.Likelihood));
        var areas = await fieldset.GetByLabel(new Regex("^Impact")).AllAsync();
        areas.Count.ShouldBeGreaterThanOrEqualTo(rating.Impacts.Length, part);
        for (var i = 0; i < areas.Count; i++)
        {
            await areas[i].SelectOptionAsync(Text(rating.Impacts[Math.Min(i, rating.Impacts.Length - 1)]));
        }
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
