using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Imports;

/// <summary>
/// How an organisation's registers of one kind are read: which header names which field, what each value means
/// ("Umgesetzt" → Implemented, "Head of IT" → a person), and the order of day and month. Saved from the wizard and
/// offered on the next import of that kind, so the same spreadsheet imports the same way every quarter.
/// </summary>
[AuditName("ImportProfile")]
public sealed class ImportProfile : Entity
{
    private static readonly JsonSerializerOptions Json = new();

    public string Kind { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Header (as folded text) → field key.</summary>
    public string ColumnsJson { get; private set; } = "{}";

    /// <summary>Field key → value as written → chosen value.</summary>
    public string ValuesJson { get; private set; } = "{}";

    /// <summary>Field key → whether day comes first.</summary>
    public string DatesJson { get; private set; } = "{}";

    public IReadOnlyDictionary<string, string> Columns => JsonSerializer.Deserialize<Dictionary<string, string>>(ColumnsJson, Json) ?? [];

    public IReadOnlyDictionary<string, Dictionary<string, string>> Values => JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(ValuesJson, Json) ?? [];

    public IReadOnlyDictionary<string, bool> Dates => JsonSerializer.Deserialize<Dictionary<string, bool>>(DatesJson, Json) ?? [];

    public static ImportProfile Create(string kind, string name) => new() { Kind = kind, Name = name.Trim() };

    /// <summary>Takes a mapping's choices; headers and values already known stay unless the mapping says otherwise.</summary>
    public void Remember(IReadOnlyList<string> header, ImportMapping mapping)
    {
        var columns = new Dictionary<string, string>(Columns);
        foreach (var (field, column) in mapping.Columns)
        {
            if (column >= 0 && column < header.Count && ImportVocabulary.Fold(header[column]) is { Length: > 0 } key)
            {
                foreach (var stale in columns.Where(c => c.Value == field).Select(c => c.Key).ToList())
                {
                    columns.Remove(stale);
                }

                columns[key] = field;
            }
        }

        var values = Values.ToDictionary(v => v.Key, v => new Dictionary<string, string>(v.Value, StringComparer.OrdinalIgnoreCase));
        foreach (var (field, chosen) in mapping.Values)
        {
            var known = values.TryGetValue(field, out var list) ? list : values[field] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (text, value) in chosen)
            {
                known[text.Trim()] = value;
            }
        }

        var dates = new Dictionary<string, bool>(Dates);
        foreach (var (field, dayFirst) in mapping.DayFirst)
        {
            dates[field] = dayFirst;
        }

        ColumnsJson = JsonSerializer.Serialize(columns, Json);
        ValuesJson = JsonSerializer.Serialize(values, Json);
        DatesJson = JsonSerializer.Serialize(dates, Json);
    }

    /// <summary>The columns this profile would choose for a file's header, by field key.</summary>
    public Dictionary<string, int> ColumnsFor(IReadOnlyList<string> header)
    {
        var result = new Dictionary<string, int>();
        var columns = Columns;
        for (var i = 0; i < header.Count; i++)
        {
            if (columns.TryGetValue(ImportVocabulary.Fold(header[i]), out var field) && !result.ContainsKey(field))
            {
                result[field] = i;
            }
        }

        return result;
    }
}

internal sealed class ImportProfileConfiguration : IEntityTypeConfiguration<ImportProfile>
{
    public void Configure(EntityTypeBuilder<ImportProfile> builder)
    {
        builder.Property(p => p.Kind).HasMaxLength(20).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(Limits.Name).IsRequired();
        builder.HasIndex(p => new { p.Kind, p.Name }).IsUnique();
    }
}

/// <summary>The organisation's import profiles of a kind, the most recently saved first.</summary>
public sealed class ListImportProfiles(OpenIsmsDbContext db)
{
    public Task<List<ImportProfile>> Handle(string kind, CancellationToken ct = default) =>
        db.Set<ImportProfile>().AsNoTracking().Where(p => p.Kind == kind).OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Name).ToListAsync(ct);
}

/// <summary>Saves a mapping's choices under a name: a new profile, or the one of that name updated (one activity-log entry).</summary>
public sealed class SaveImportProfile(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(string kind, string? name, IReadOnlyList<string> header, ImportMapping mapping, CancellationToken ct = default)
    {
        var check = new Validation()
            .Required("ProfileName", name, "Name the profile, for example \"Quarterly risk workshop\".")
            .MaxLength("ProfileName", name, Limits.Name, "The profile name");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        var profile = await db.Set<ImportProfile>().FirstOrDefaultAsync(p => p.Kind == kind && p.Name == name!.Trim(), ct);
        if (profile is null)
        {
            profile = ImportProfile.Create(kind, name!);
            db.Add(profile);
        }

        profile.Remember(header, mapping);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}

/// <summary>The importer of a kind of register ("assets", "risks", "soa"), for the wizard and the API.</summary>
public sealed class FindImporter(ImportAssets assets, ImportRisks risks, ImportSoa soa, ImportTreatmentPlan plan, ImportControls controls, ImportPeople people)
{
    public static readonly IReadOnlyList<string> Kinds = [ImportAssets.Kind, ImportRisks.Kind, ImportSoa.Kind, ImportTreatmentPlan.Kind, ImportControls.Kind, ImportPeople.Kind];

    public IImporter? Handle(string kind) => kind switch
    {
        ImportAssets.Kind => assets,
        ImportRisks.Kind => risks,
        ImportSoa.Kind => soa,
        ImportTreatmentPlan.Kind => plan,
        ImportControls.Kind => controls,
        ImportPeople.Kind => people,
        _ => null,
    };
}
