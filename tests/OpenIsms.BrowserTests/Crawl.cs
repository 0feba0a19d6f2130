using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenIsms.BrowserTests;

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
            : Regex.IsMatch(s, @"^(A\.)?\d+(\.\d+)+[a-z]?$") ? "{code}"
            : s);
        var route = string.Join('/', segments);
        return route.Length == 0 ? "/" : route;
    }
}
