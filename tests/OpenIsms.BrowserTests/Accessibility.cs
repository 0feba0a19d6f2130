using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) and a duplicate-id check on a page. Serious and critical violations fail the
/// test; every violation found is written to accessibility.txt beside the screenshots, so the figures can be reported.
/// </summary>
public static class Accessibility
{
    private static readonly ConcurrentDictionary<string, string[]> Seen = new();

    private const string DuplicateIds = """
        () => {
          const seen = new Set(), duplicates = new Set();
          for (const e of document.querySelectorAll('[id]')) { if (seen.has(e.id)) duplicates.add(e.id); seen.add(e.id); }
          return [...duplicates];
        }
        """;

    public static async Task Check(IPage page, string name)
    {
        var duplicates = await page.EvaluateAsync<string[]>(DuplicateIds);
        duplicates.ShouldBeEmpty($"duplicate ids on {page.Url} ({name})");

        var result = await page.RunAxe();
        var found = result.Violations.Select(Describe).ToArray();
        Seen[$"{name} {new Uri(page.Url).PathAndQuery}"] = found;
        Write();
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(Describe)
            .ShouldBeEmpty($"serious or critical accessibility violations on {page.Url} ({name})");
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Impact} {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}";

    private static void Write()
    {
        lock (Seen)
        {
            var lines = Seen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value.Length} violation(s){string.Concat(p.Value.Select(v => "\n  " + v))}");
            File.WriteAllLines(Path.Combine(BrowserApp.ScreenshotFolder, "accessibility.txt"),
                [$"{Seen.Count} page(s) checked, {Seen.Values.Sum(v => v.Length)} violation(s) in all", .. lines]);
        }
    }
}

/// <summary>
/// Visits every page a person can reach by following links from My work (one page per route: ids, codes and queries
/// do not make a new page), and looks at each: no error status, no duplicate id, no serious accessibility violation.
/// </summary>
public static class Crawl
{
    public static async Task<IReadOnlyList<string>> EveryPage(IPage page, int limit = 200)
    {
        var queue = new Queue<string>(["/"]);
        var routes = new HashSet<string>(StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.Count > 0 && visited.Count < limit)
        {
            var url = queue.Dequeue();
            if (!routes.Add(Route(url)))
            {
                continue;
            }

            var response = await page.GotoAsync(url);
            response.ShouldNotBeNull(url);
            response.Status.ShouldBeLessThan(400, $"{url} answered {response.Status}");
            visited.Add(url);
            await BrowserApp.Look(page, $"crawl-{visited.Count:000}{Route(url).Replace('/', '-').Replace('{', '_').Replace('}', '_')}");
            var hrefs = await page.EvalOnSelectorAllAsync<string[]>(
                "a[href]", "links => links.filter(a => !a.hasAttribute('download') && !a.target).map(a => a.getAttribute('href'))");
            foreach (var href in hrefs.Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !h.StartsWith("/api/", StringComparison.Ordinal)))
            {
                var next = href.Split('#')[0];
                if (next.Length > 0 && !routes.Contains(Route(next)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return visited;
    }

    /// <summary>The page a URL shows: its path with ids, numbers and control codes as placeholders.</summary>
    public static string Route(string url)
    {
        var path = url.Split('?')[0].TrimEnd('/');
        var segments = path.Split('/').Select(s =>
            Guid.TryParse(s, out _) ? "{id}"
            : s.Length > 0 && s.All(char.IsDigit) ? "{n}"
            : System.Text.RegularExpressions.Regex.IsMatch(s, @"^(A\.)?\d+(\.\d+)+[a-z]?$") ? "{code}"
            : s);
        var route = string.Join('/', segments);
        return route.Length == 0 ? "/" : route;
    }
}
