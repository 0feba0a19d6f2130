using System.Globalization;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Imports;

/// <summary>A field the importer can fill, the header names it recognises, and whether a row needs it.</summary>
public sealed record ImportField(string Key, string Label, bool Required, params string[] Aliases);

/// <summary>Which column feeds which field, and the choices the user made for the whole file.</summary>
public sealed record ImportMapping(
    IReadOnlyDictionary<string, int> Columns, string? DefaultOwnerId = null, bool UpdateExisting = false, bool CreateMissingAssets = false, string? DefaultRationale = null);

public sealed record ImportProblem(int Row, string Field, string Message);

/// <summary>What an import would do or did: every bad row with its field and reason, and what values were read as.</summary>
public sealed record ImportReport(int Rows, int Created, int Updated, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Notes, bool Committed)
{
    public bool IsClean => Problems.Count == 0;
}

public static class ImportText
{
    /// <summary>Lower-case letters and digits only: "Likelihood (1-5)" and "likelihood" meet as "likelihood15" and "likelihood".</summary>
    public static string Key(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Pre-fills the mapping: a column whose header matches a field's label or one of its names, closest first.</summary>
    public static Dictionary<string, int> Guess(IReadOnlyList<string> header, IReadOnlyList<ImportField> fields)
    {
        var guess = new Dictionary<string, int>();
        var used = new HashSet<int>();
        foreach (var exact in new[] { true, false })
        {
            foreach (var field in fields.Where(f => !guess.ContainsKey(f.Key)))
            {
                var names = field.Aliases.Append(field.Label).Append(field.Key).Select(Key).ToList();
                for (var i = 0; i < header.Count; i++)
                {
                    var h = Key(header[i]);
                    if (!used.Contains(i) && h.Length > 0 && (exact ? names.Contains(h) : names.Any(n => h.StartsWith(n, StringComparison.Ordinal))))
                    {
                        guess[field.Key] = i;
                        used.Add(i);
                        break;
                    }
                }
            }
        }

        return guess;
    }

    public static bool TryInt(string value, out int number) =>
        int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number)
        || (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && (number = (int)d) == d);

    public static DateOnly? Date(string value) =>
        DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var d) ? d
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 100000 ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
        : null;

    /// <summary>Reads a word as one of an enum's values: exact, then by its first word ("Accept with monitoring" → Accept), then by synonyms.</summary>
    public static TEnum? Enum<TEnum>(string value, IReadOnlyDictionary<string, TEnum>? synonyms = null)
        where TEnum : struct, System.Enum
    {
        var key = Key(value);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var option in System.Enum.GetValues<TEnum>())
        {
            if (Key(option.ToString()) == key)
            {
                return option;
            }
        }

        if (synonyms is not null && synonyms.TryGetValue(key, out var synonym))
        {
            return synonym;
        }

        foreach (var option in System.Enum.GetValues<TEnum>())
        {
            if (key.StartsWith(Key(option.ToString()), StringComparison.Ordinal))
            {
                return option;
            }
        }

        return synonyms?.FirstOrDefault(s => key.StartsWith(s.Key, StringComparison.Ordinal)) is { Key: not null } found ? found.Value : null;
    }

    public static Result Check(Table? table) => table is null ? Result.NotFound() : Result.Ok();
}
