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
