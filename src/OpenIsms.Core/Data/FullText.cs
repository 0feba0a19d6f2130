using System.Text;

namespace OpenIsms.Core.Data;

/// <summary>
/// Turns what a person typed into a full-text query for either provider: words (letters and digits) each matched as a
/// prefix, all of them required — "ransom back" finds "Ransomware hits the backups". Anything else is not passed on,
/// so no operator of either query language can be injected.
/// </summary>
public static class FullText
{
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in (text ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words.Distinct().Take(16).ToList();
    }

    /// <summary>SQLite FTS5: <c>"ransom"* "back"*</c> (each word quoted, as a prefix; juxtaposed terms are ANDed).</summary>
    public static string Fts5(IReadOnlyList<string> words) => string.Join(' ', words.Select(w => $"\"{w}\"*"));

    /// <summary>PostgreSQL: <c>ransom:* &amp; back:*</c> for <c>to_tsquery('simple', …)</c>.</summary>
    public static string TsQuery(IReadOnlyList<string> words) => string.Join(" & ", words.Select(w => w + ":*"));
}
