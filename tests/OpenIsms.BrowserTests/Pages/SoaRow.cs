using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenIsms.BrowserTests.Pages;

/// <summary>One row of the SoA, decided in place: "Decide" swaps in its editor (htmx), saving swaps the row back.</summary>
public sealed class SoaRow(IPage page, string code)
{
    /// <summary>The row as shown, or its editor while open (both carry the control's code as id).</summary>
    public ILocator Row => page.Locator($"tr[id='{code}']");

    public ILocator Editor => page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Decide " + Regex.Escape(code) + " ") });

    public ILocator EditorError => Editor.Locator(".error-message");

    /// <summary>"Saved." in the row once the saved row has replaced the editor.</summary>
    public ILocator Saved => Row.Locator(".saved-text");

    public async Task<SoaRow> Decide()
    {
        await Row.GetByRole(AriaRole.Link, new() { Name = "Decide", Exact = true }).ClickAsync();
        await Expect(Editor).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Marks the row not applicable without a justification: the editor stays, with a message.</summary>
    public async Task<SoaRow> ExcludeWithoutJustification()
    {
        await Editor.GetByLabel("Not applicable").CheckAsync();
        await Save();
        await Expect(EditorError).ToBeVisibleAsync();
        return this;
    }

    public async Task<SoaRow> Exclude(string justification)
    {
        await Editor.GetByLabel("Not applicable").CheckAsync();
        await Editor.GetByLabel("Justification for exclusion").FillAsync(justification);
        await Save();
        await Expect(Saved).ToBeVisibleAsync();
        return this;
    }

    private Task Save() => Editor.GetByRole(AriaRole.Button, new() { Name = "Save " + code }).ClickAsync();
}
