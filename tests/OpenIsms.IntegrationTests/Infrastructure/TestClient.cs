using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace OpenIsms.IntegrationTests.Infrastructure;

/// <summary>
/// Talks to the app as a browser without JavaScript would: GET a page, fill a form found on it (keeping its hidden
/// fields: the antiforgery token, the form's handler name, the record version) and post it.
/// </summary>
public sealed class TestClient(HttpClient http) : IDisposable
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> Get(string url) => await http.GetAsync(url);

    public async Task<IDocument> Page(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync(url);
        response.StatusCode.ShouldBe(expected, $"GET {url}");
        return await Parse(response);
    }

    public static async Task<IDocument> Parse(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Browser.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    /// <summary>Submits the form that matches the selector; values replace or add fields; a button value can be given as a field.</summary>
    public Task<HttpResponseMessage> Submit(IDocument page, string formSelector, IDictionary<string, string?> values) =>
        Submit(page, formSelector, values.ToList());

    /// <summary>As above, where a name may repeat (several selects or checkboxes posting under one name, in order).</summary>
    public async Task<HttpResponseMessage> Submit(IDocument page, string formSelector, IReadOnlyList<KeyValuePair<string, string?>> values)
    {
        var (target, fields) = Fill(page, formSelector, values);
        return await http.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a form's fields (its antiforgery token among them) to another address, as htmx does for a button with hx-post inside a form.</summary>
    public async Task<HttpResponseMessage> SubmitTo(IDocument page, string formSelector, string url, IDictionary<string, string?> values)
    {
        var (_, fields) = Fill(page, formSelector, values.ToList());
        return await http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits a form with a file, as multipart/form-data the way a browser sends it.</summary>
    public async Task<HttpResponseMessage> SubmitFile(IDocument page, string formSelector, IDictionary<string, string?> values, string fileField, string fileName, Stream file)
    {
        var (target, fields) = Fill(page, formSelector, values.ToList());
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var part = new StreamContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, fileField, fileName);
        return await http.PostAsync(target, content);
    }

    private static (string Target, List<KeyValuePair<string, string>> Fields) Fill(IDocument page, string formSelector, IReadOnlyList<KeyValuePair<string, string?>> values)
    {
        var named = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {formSelector} on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || named.Contains(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement { IsMultiple: true } multiple:
                    // As a browser does: one field per selected option, none when nothing is selected.
                    fields.AddRange(multiple.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlSelectElement select:
                    // As a browser does: with no option marked selected, the first one is.
                    fields.Add(new(name, select.Value ?? select.Options.FirstOrDefault()?.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in values)
        {
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(new Uri(page.Url), action).ToString();
        return (target, fields);
    }

    public async Task<HttpResponseMessage> SubmitAt(string url, string formSelector, IDictionary<string, string?> values) =>
        await Submit(await Page(url), formSelector, values);

    public async Task SignIn(string email, string password)
    {
        var response = await SubmitAt("/account/login", "main form", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signing in should redirect");
        response.LocationPath().ShouldBe("/");
    }

    public void Dispose() => http.Dispose();
}

public static class ResponseExtensions
{
    public static string LocationPath(this HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : "";

    public static async Task<string> Text(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
