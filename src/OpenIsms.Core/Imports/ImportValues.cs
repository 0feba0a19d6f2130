namespace OpenIsms.Core.Imports;

/// <summary>One distinct value found in a column with a fixed vocabulary, with what it maps to, if anything yet.</summary>
public sealed record DistinctValue
{
    public required string Field { get; init; }

    /// <summary>The value as the file writes it.</summary>
    public required string Text { get; init; }

    /// <summary>How many rows hold it.</summary>
    public required int Rows { get; init; }

    /// <summary>What it means (a choice's value, or <see cref="ImportVocabulary.Empty"/>); null until someone says.</summary>
    public required string? Mapped { get; init; }

    /// <summary>The meaning was chosen (in the value step or a profile), not known from the vocabulary.</summary>
    public required bool Chosen { get; init; }

    /// <summary>A likely meaning for an unknown value, offered, never taken.</summary>
    public required ImportChoice? Suggestion { get; init; }
}

/// <summary>A date column and the order its numeric dates are read in; <see cref="DayFirst"/> is null until someone decides.</summary>
public sealed record DateColumn(string Field, DateOrder Detected, bool? DayFirst, string Example);

/// <summary>
/// Reads the values of one file's fixed-vocabulary and date columns under a mapping: the person's choices first (the
/// value step, or a saved import profile), then the words that certainly mean a value. Anything else is unknown, and
/// the importer reports it on its row; nothing falls back to a default.
/// </summary>
public sealed class ImportValues
{
    private readonly IReadOnlyDictionary<string, ImportVocabulary> vocabularies;
    private readonly Dictionary<string, Dictionary<string, string>> chosen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateColumn> dates = new(StringComparer.Ordinal);

    public ImportValues(Table table, IReadOnlyList<ImportField> fields, ImportMapping mapping, IReadOnlyDictionary<string, ImportVocabulary> vocabularies)
    {
        this.vocabularies = vocabularies;
        foreach (var (field, values) in mapping.Values)
        {
            if (vocabularies.TryGetValue(field, out var vocabulary))
            {
                chosen[field] = values.Where(v => vocabulary.Allows(v.Value)).GroupBy(v => v.Key.Trim(), StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
            }
        }

        foreach (var field in fields.Where(f => f.IsDate && mapping.Columns.ContainsKey(f.Key)))
        {
            var column = mapping.Columns[field.Key];
            var order = ImportDates.Detect(table.Rows.Select(r => r[column]));
            bool? dayFirst = mapping.DayFirst.TryGetValue(field.Key, out var given) ? given
                : order == DateOrder.DayFirst ? true : order == DateOrder.MonthFirst ? false : null;
            var example = table.Rows.Select(r => r[column]).FirstOrDefault(ImportDates.NeedsOrder) ?? "";
            dates[field.Key] = new DateColumn(field.Key, order, dayFirst, example);
        }
    }

    /// <summary>The date columns, with how each is read.</summary>
    public IReadOnlyCollection<DateColumn> DateColumns => dates.Values;

    /// <summary>The value the text maps to (<see cref="ImportVocabulary.Empty"/> to leave the field empty), or null when no one has said.</summary>
    public string? Read(string field, string text)
    {
        if (chosen.TryGetValue(field, out var values) && values.TryGetValue(text.Trim(), out var value))
        {
            return value;
        }

        return vocabularies[field].Known(text);
    }

    /// <summary>Why a value cannot be read, with a likely meaning where one of the vocabulary's words is inside it.</summary>
    public string Unknown(string field, string text)
    {
        var vocabulary = vocabularies[field];
        var suggestion = vocabulary.Suggest(text);
        return $"\"{text}\" is not a known {vocabulary.Noun}. Choose what it means under Values{(suggestion is null ? "" : $" (perhaps {suggestion.Label})")}.";
    }

    /// <summary>The date in the text under the column's order; a problem message when it is not a date or its order is open.</summary>
    public DateOnly? Date(string field, string text, out string? problem)
    {
        problem = null;
        var column = dates.GetValueOrDefault(field);
        var date = ImportDates.Read(text, column?.DayFirst);
        if (date is null)
        {
            problem = column is { DayFirst: null } && ImportDates.NeedsOrder(text)
                ? $"\"{text}\" could be day first or month first. Choose how this column's dates are written under Values."
                : $"\"{text}\" is not a date{(column?.DayFirst is { } d ? $" written {(d ? "day first" : "month first")}" : "")} (write it as 2026-12-31).";
        }

        return date;
    }

    /// <summary>Every distinct value of the mapped vocabulary columns, with its mapping: what the value step shows.</summary>
    public static IReadOnlyList<DistinctValue> Distinct(Table table, ImportMapping mapping, IReadOnlyDictionary<string, ImportVocabulary> vocabularies, IReadOnlyList<ImportField>? fields = null, int perField = 200)
    {
        var list = new List<DistinctValue>();
        foreach (var (field, vocabulary) in vocabularies)
        {
            if (!mapping.Columns.TryGetValue(field, out var column))
            {
                continue;
            }

            var given = mapping.Values.GetValueOrDefault(field);
            var items = fields?.FirstOrDefault(f => f.Key == field) is { IsList: true } listField ? table.Rows.SelectMany(r => listField.Items(r[column])) : table.Rows.Select(r => r[column]);
            foreach (var group in items.Where(v => v.Length > 0).GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Take(perField))
            {
                var choice = given?.FirstOrDefault(v => string.Equals(v.Key.Trim(), group.Key, StringComparison.OrdinalIgnoreCase)).Value;
                var isChosen = choice is not null && vocabulary.Allows(choice);
                var mapped = isChosen ? choice : vocabulary.Known(group.Key);
                list.Add(new DistinctValue { Field = field, Text = group.Key, Rows = group.Count(), Mapped = mapped, Chosen = isChosen, Suggestion = mapped is null ? vocabulary.Suggest(group.Key) : null });
            }
        }

        return list;
    }
}
