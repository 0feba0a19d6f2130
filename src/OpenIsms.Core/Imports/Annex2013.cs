using Sylvan.Data.Csv;

namespace OpenIsms.Core.Imports;

/// <summary>
/// The public correspondence between ISO/IEC 27001:2013 Annex A controls and those of 2022 (Imports/Data), by the 2013
/// number without "A.": "6.1.2" → A.5.3. Most 2013 controls have one 2022 counterpart; a few have two.
/// </summary>
public static class Annex2013
{
    public sealed record Correspondence(string Old, string OldTitle, string New, string NewTitle);

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<Correspondence>>> Table = new(Load);

    /// <summary>The 2022 controls a 2013 number corresponds to; empty when it is not a 2013 number.</summary>
    public static IReadOnlyList<Correspondence> Of(string number) => Table.Value.GetValueOrDefault(number) ?? [];

    private static IReadOnlyDictionary<string, IReadOnlyList<Correspondence>> Load()
    {
        using var stream = typeof(Annex2013).Assembly.GetManifestResourceStream("OpenIsms.Imports.annex-a-2013-to-2022.csv")
            ?? throw new InvalidOperationException("The 2013→2022 correspondence is not embedded.");
        using var reader = CsvDataReader.Create(new StreamReader(stream), new CsvDataReaderOptions { Delimiter = ',', Comment = '\0' });
        var list = new List<Correspondence>();
        while (reader.Read())
        {
            var old = reader.GetString(0).Trim();
            if (old.Length > 0)
            {
                list.Add(new(old, reader.GetString(1).Trim(), "A." + reader.GetString(2).Trim(), reader.GetString(3).Trim()));
            }
        }

        return list.GroupBy(c => c.Old).ToDictionary(g => g.Key, g => (IReadOnlyList<Correspondence>)g.ToList());
    }
}
