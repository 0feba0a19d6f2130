using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Imports;

/// <summary>A field the importer can fill, the header names it recognises, and whether a row needs it.</summary>
public sealed record ImportField(string Key, string Label, bool Required, params string[] Aliases)
{
    /// <summary>The column holds dates, whose day-month order is found from all its values or asked.</summary>
    public bool IsDate { get; init; }

    /// <summary>A cell may hold several values, separated by commas, semicolons or line breaks ("Contractual, Best practice").</summary>
    public bool IsList { get; init; }

    /// <summary>The values of one cell: itself, or for a list field each item.</summary>
    public IEnumerable<string> Items(string cell) => IsList ? cell.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [cell];
}

/// <summary>Which column feeds which field, and the choices the user made for the whole file.</summary>
public sealed record ImportMapping
{
    public required IReadOnlyDictionary<string, int> Columns { get; init; }

    /// <summary>The workbook sheet and header row the person chose; null for those found in the file.</summary>
    public TableLayout Layout { get; init; } = new();

    /// <summary>What each distinct value of a fixed-vocabulary column means, by field then by the value as written.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>For date columns whose values leave it open: true when day comes first (31/12/2026), false for month first.</summary>
    public IReadOnlyDictionary<string, bool> DayFirst { get; init; } = new Dictionary<string, bool>();

    public bool UpdateExisting { get; init; }

    public bool CreateMissingAssets { get; init; }

    public string? DefaultRationale { get; init; }

    public string? InclusionReason { get; init; }

    /// <summary>ISO/IEC 27001:2013 control numbers (A.6.1.2) are read as the 2022 control they correspond to; otherwise each is a problem.</summary>
    public bool Translate2013 { get; init; }
}

public sealed record ImportProblem(int Row, string Field, string Message);

/// <summary>What an import would do or did: every bad row with its field and reason, and what values were read as.</summary>
public sealed record ImportReport
{
    public required int Rows { get; init; }

    public required int Created { get; init; }

    public required int Updated { get; init; }

    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public required bool Committed { get; init; }

    public bool IsClean => Problems.Count == 0;

    /// <summary>An import that could not start: nothing read, nothing changed, one problem saying why.</summary>
    public static ImportReport Refused(string why) => new() { Rows = 0, Created = 0, Updated = 0, Problems = [new(0, "", why)], Notes = [], Committed = false };

    /// <summary>The columns a row needs are not chosen yet.</summary>
    public static ImportReport Unmapped(Table table, string what) => new() { Rows = table.Rows.Count, Created = 0, Updated = 0, Problems = [new(0, "", what)], Notes = [], Committed = false };

    /// <summary>The uploaded file has expired or was never there.</summary>
    public static ImportReport FileGone() => Refused("The uploaded file is no longer available; upload it again.");
}

/// <summary>What every importer offers the wizard and the API: its fields, its vocabularies, and the run itself.</summary>
public interface IImporter
{
    string Kind { get; }

    /// <summary>The permission an import of this kind needs (the importer checks it again itself).</summary>
    string Permission { get; }

    IReadOnlyList<ImportField> Fields { get; }

    /// <summary>How a row finds the record it updates, as the "update existing" choice says it.</summary>
    string MatchedBy => "the same identifier";

    /// <summary>The fixed vocabulary of each field that has one, by field key (owners, statuses, scales…).</summary>
    Task<IReadOnlyDictionary<string, ImportVocabulary>> Vocabularies(CancellationToken ct = default);

    /// <summary>Checks every row; with <paramref name="commit"/> and no problem, writes them all in one transaction.</summary>
    Task<ImportReport> Run(Guid upload, ImportMapping mapping, bool commit, CancellationToken ct = default);
}

/// <summary>
/// Owners named in a file, by name, e-mail or "Name &lt;e-mail&gt;" (as exports write a name two users share): only
/// people whose role allows them to own the rows' records. A name several users share is never resolved to one of
/// them: it is asked about in the value step.
/// </summary>
public sealed class UserLookup
{
    private readonly Dictionary<string, string> byName;
    private readonly Dictionary<string, int> sharedNames;
    private readonly Dictionary<string, string> byEmail;
    private readonly HashSet<string> eligible;
    private readonly Dictionary<string, string> labels;
    private readonly Dictionary<string, string> displayNames;

    public UserLookup(IEnumerable<(string Id, string DisplayName, string? Email)> users, IEnumerable<string>? eligibleIds = null)
    {
        var list = users.ToList();
        eligible = eligibleIds is null ? [.. list.Select(u => u.Id)] : [.. eligibleIds];
        var names = list.GroupBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
        byName = names.Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.OrdinalIgnoreCase);
        sharedNames = names.Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        byEmail = list.Where(u => u.Email is not null).GroupBy(u => u.Email!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        displayNames = list.ToDictionary(u => u.Id, u => u.DisplayName);
        labels = PersonNames.Labels(list);
        Names = list.Where(u => eligible.Contains(u.Id)).ToDictionary(u => u.Id, u => labels[u.Id]);
    }

    /// <summary>The people who may be owners, by id, named as exports name them (with the e-mail where two share a name).</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    /// <summary>The person the text names, if they may be the owner.</summary>
    public string? Find(string text) => Any(text) is { } id && eligible.Contains(id) ? id : null;

    /// <summary>The text names an active user whose role does not allow them to own these records.</summary>
    public bool NamesIneligible(string text) => Any(text) is { } id && !eligible.Contains(id);

    /// <summary>Why an owner's text names nobody who may own the records; <paramref name="duty"/> says what owners do ("own risks").</summary>
    public string Unknown(string text, string duty) => text switch
    {
        _ when NamesIneligible(text) => $"{text}'s role does not allow them to {duty}. Choose another owner under Values, or ask an administrator to change their role.",
        _ when PersonNames.Mailbox(text) is { } m && byEmail.TryGetValue(m.Email, out var id) =>
            $"\"{text}\": {m.Email} is the e-mail of {displayNames[id]}, not of {m.Name}. Correct the file, or choose the person under Values.",
        _ when sharedNames.TryGetValue(text.Trim(), out var count) => $"\"{text}\" is the name of {count} users. Choose the one you mean under Values, or write their e-mail.",
        _ => $"\"{text}\" is not a user. Choose who is meant under Values, or add them under Users.",
    };

    /// <summary>The people as a vocabulary: a name or e-mail of someone eligible is known; anyone else is asked about, value by value.</summary>
    public ImportVocabulary Vocabulary(string noun = "user") =>
        new(noun, Names.OrderBy(n => n.Value, StringComparer.CurrentCultureIgnoreCase).Select(n => new ImportChoice(n.Key, n.Value)).ToList(), [], Find);

    private string? Any(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (PersonNames.Mailbox(text) is { } mailbox)
        {
            // Both parts must name the same person: "Bob Jones <alex@…>" is a mistake in the file, not Alex.
            var name = mailbox.Name;
            return byEmail.TryGetValue(mailbox.Email, out var id) && (name.Length == 0 || string.Equals(name, displayNames[id], StringComparison.OrdinalIgnoreCase))
                ? id
                : null;
        }

        return byName.GetValueOrDefault(text) ?? byEmail.GetValueOrDefault(text);
    }

    public static async Task<UserLookup> Load(OpenIsmsDbContext db, string duty, CancellationToken ct) =>
        new((await db.Set<AppUser>().AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName, u.Email)), await Owners.EligibleIds(db, duty, ct));
}

public static class ImportText
{
    /// <summary>
    /// The end of every import: with no problems and the user's go-ahead, everything tracked is written in one
    /// transaction and the upload is forgotten; otherwise nothing tracked is kept.
    /// </summary>
    public static async Task<ImportReport> Finish(OpenIsmsDbContext db, ImportUploads uploads, Guid id, bool commit, int rows, int created, int updated,
        List<ImportProblem> problems, IEnumerable<string> notes, CancellationToken ct)
    {
        var committed = false;
        if (commit && problems.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            await uploads.Forget(id, ct);
            committed = true;
        }
        else
        {
            db.ChangeTracker.Clear(); // a dry run, or a file with problems, changes nothing
        }

        return new ImportReport { Rows = rows, Created = created, Updated = updated, Problems = problems, Notes = notes.ToList(), Committed = committed };
    }

    /// <summary>Lower-case letters and digits only: "Likelihood (1-5)" and "likelihood" meet as "likelihood15" and "likelihood".</summary>
    public static string Key(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>
    /// The first mapping for a file: each field's column from the profile's headers, else by header name; each value as
    /// the profile knows it; the profile's day-month orders. The wizard shows it, and the API starts from it.
    /// </summary>
    public static ImportMapping Prepare(Table table, IImporter importer, ImportProfile? profile, TableLayout layout)
    {
        var columns = Guess(table.Header, importer.Fields);
        foreach (var (field, column) in profile?.ColumnsFor(table.Header) ?? [])
        {
            columns[field] = column;
        }

        return new ImportMapping
        {
            Columns = columns,
            Layout = layout,
            Values = profile?.Values.ToDictionary(v => v.Key, v => (IReadOnlyDictionary<string, string>)v.Value) ?? [],
            DayFirst = profile?.Dates.ToDictionary() ?? [],
        };
    }

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
                    // A one-letter alias ("a" for availability) names a column only exactly: as a prefix it would
                    // claim any header that starts with the letter ("Asset owner", "Approval date").
                    if (!used.Contains(i) && h.Length > 0 && (exact ? names.Contains(h) : names.Any(n => n.Length > 1 && h.StartsWith(n, StringComparison.Ordinal))))
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
