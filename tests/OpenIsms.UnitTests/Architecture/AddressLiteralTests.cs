using System.Reflection;
using System.Text.RegularExpressions;
using OpenIsms.UnitTests.Web;

namespace OpenIsms.UnitTests.Architecture;

/// <summary>
/// Each area owns its addresses: pages, components, endpoints and redirects link to an area through its URL builder
/// (<c>RiskUrls.Risk(id)</c>), never by spelling the address. What stays literal is where an address is declared — an
/// <c>@page</c> directive, the route template of a <c>Map…(…)</c> call and the <c>…Urls</c> classes themselves.
/// </summary>
public sealed partial class AddressLiteralTests
{
    private static readonly Assembly Web = typeof(OpenIsms.Web.Infrastructure.IEndpointGroup).Assembly;

    /// <summary>The first segment of every address the builders declare ("risks", "soa", "account", "api", …).</summary>
    private static IReadOnlySet<string> AreaRoots { get; } = Web.GetTypes()
        .Where(t => t.Name.EndsWith("Urls", StringComparison.Ordinal) && t is { IsAbstract: true, IsSealed: true })
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
        .Select(v => v.Split('/', '?', '#')).Where(s => s.Length > 1 && s[0].Length == 0 && s[1].Length > 0).Select(s => s[1])
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void NoPageOrEndpoint_SpellsAnAreasAddress()
    {
        var web = Path.Combine(FileLinkTests.RepositoryRoot(), "src", "OpenIsms.Web");
        var separator = Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).EndsWith("Urls.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Line: line, Number: i + 1))
                .Where(l => Offences(l.Line).Any())
                .Select(l => $"{Path.GetRelativePath(web, f)}:{l.Number}: {l.Line.Trim()}"))
            .ToList();

        offenders.ShouldBeEmpty("link through the area's …Urls class (RiskUrls, SoaUrls, …) instead of spelling its address");
    }

    [Fact]
    public void TheScan_FindsLinksAndRedirects_ButNotWhereAddressesAreDeclared()
    {
        new[] { "risks", "soa", "context", "scope", "controls", "assets", "evidence", "settings", "catalogue", "activity", "history", "account", "setup", "api" }.ShouldBeSubsetOf(AreaRoots);

        Offences("""<a href="/risks/new">Record a risk</a>""").ShouldNotBeEmpty();
        Offences("""<a href="@($"/controls/{c.Id}")">""").ShouldNotBeEmpty();
        Offences("""<button hx-post="@($"/soa/rows/{r.Code}")">""").ShouldNotBeEmpty();
        Offences("""<form method="get" action="/assets" class="filters">""").ShouldNotBeEmpty();
        Offences("""result = Navigation.Finish(saved, $"/scope?done=saved");""").ShouldNotBeEmpty();
        Offences("""context.Response.Redirect("/account?required=password");""").ShouldNotBeEmpty();
        Offences("""return Results.Created($"/api/v1/risks/{id}", new { id });""").ShouldNotBeEmpty();

        Offences("""@page "/risks/{Id:guid}" """).ShouldBeEmpty();
        Offences("""app.MapGet("/soa/rows/{code}", async (string code) =>""").ShouldBeEmpty();
        Offences("""<link rel="stylesheet" href="/css/app.css" />""").ShouldBeEmpty();
        Offences("""<a href="@RiskUrls.Risk(row.Id)">""").ShouldBeEmpty();
        Offences("""var path = "/riskscore";""").ShouldBeEmpty();
    }

    /// <summary>The area addresses a line spells out as a string literal, other than in a directive or a route template.</summary>
    private static IEnumerable<string> Offences(string line)
    {
        var text = line.TrimStart();
        if (text.StartsWith("@page ", StringComparison.Ordinal) || text.StartsWith("//", StringComparison.Ordinal))
        {
            return [];
        }

        return Literal().Matches(line)
            .Where(m => AreaRoots.Contains(m.Groups["root"].Value) && !RouteTemplate().IsMatch(line[..m.Index]))
            .Select(m => m.Value);
    }

    // A string literal's first characters: a quote, then /root ending at a slash, query, fragment, interpolation, dot or quote.
    [GeneratedRegex("""["']/(?<root>[a-z0-9-]+)(?=[/?#{."']|$)""")]
    private static partial Regex Literal();

    // The literal is the first argument of app.MapGet(…), group.MapPost(…), app.MapGroup(…) and the like.
    [GeneratedRegex(@"\bMap\w*\(\s*\$?$")]
    private static partial Regex RouteTemplate();
}
