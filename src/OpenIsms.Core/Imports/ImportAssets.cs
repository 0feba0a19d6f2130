using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Imports;

/// <summary>
/// Imports an asset register: every row is checked first (the dry run lists each bad row with its field and reason);
/// the import itself writes all rows in one transaction, or none.
/// </summary>
public sealed class ImportAssets(OpenIsmsDbContext db, ImportUploads uploads)
{
    public const string Kind = "assets";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Reference", "Identifier", false, "id", "assetid", "ref", "reference", "assetno"),
        new("Name", "Name", true, "assetname", "asset", "name", "title"),
        new("Type", "Type", true, "assettype", "type"),
        new("Category", "Category", false, "category", "subtype"),
        new("Description", "Description", false, "description", "details"),
        new("Owner", "Owner", false, "owner", "assetowner"),
        new("Custodian", "Custodian", false, "custodian"),
        new("Location", "Location", false, "location", "site"),
        new("Classification", "Classification", false, "classification", "class"),
        new("Confidentiality", "Confidentiality", false, "confidentiality", "c"),
        new("Integrity", "Integrity", false, "integrity", "i"),
        new("Availability", "Availability", false, "availability", "a"),
        new("Criticality", "Criticality", false, "criticality", "businesscriticality"),
        new("InScope", "In scope", false, "inscope", "scope"),
    ];

    private static readonly Dictionary<string, AssetType> TypeWords = new()
    {
        ["application"] = AssetType.Software, ["app"] = AssetType.Software, ["saas"] = AssetType.Service, ["data"] = AssetType.Information,
        ["facility"] = AssetType.Site, ["building"] = AssetType.Site, ["location"] = AssetType.Site, ["person"] = AssetType.People,
        ["staff"] = AssetType.People, ["vendor"] = AssetType.Supplier, ["thirdparty"] = AssetType.Supplier, ["device"] = AssetType.Hardware,
    };

    private static readonly Dictionary<string, Criticality> CriticalityWords = new() { ["veryhigh"] = Criticality.Critical, ["low"] = Criticality.Low };

    /// <summary>The dry run: every row checked, nothing written.</summary>
    public Task<ImportReport> Handle(Guid upload, ImportMapping mapping, CancellationToken ct = default) => Run(upload, mapping, commit: false, ct);

    public Task<ImportReport> Commit(Guid upload, ImportMapping mapping, CancellationToken ct = default) => Run(upload, mapping, commit: true, ct);

    private async Task<ImportReport> Run(Guid id, ImportMapping mapping, bool commit, CancellationToken ct)
    {
        if (!db.CurrentUser.Has(AssetPermissions.Edit))
        {
            return ImportReport.Refused("Your role does not allow importing assets.");
        }

        var (upload, table) = await uploads.Load(id, Kind, ct);
        if (upload is null || table is null)
        {
            return ImportReport.FileGone();
        }

        var problems = new List<ImportProblem>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        if (!mapping.Columns.ContainsKey("Name") || !mapping.Columns.ContainsKey("Type"))
        {
            return new ImportReport
            {
                Rows = table.Rows.Count,
                Created = 0,
                Updated = 0,
                Problems = [new(0, "", "Choose the columns that hold the asset's name and type.")],
                Notes = [],
                Committed = false,
            };
        }

        var users = await UserLookup.Load(db, Security.OwnerDuties.Asset, ct);
        var levels = await db.Set<ClassificationLevel>().OrderBy(l => l.Rank).Select(l => l.Name).ToListAsync(ct);
        var existing = await db.Set<Asset>().ToDictionaryAsync(a => a.Reference, StringComparer.OrdinalIgnoreCase, ct);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var next = existing.Keys.Where(k => k.StartsWith("AST-", StringComparison.OrdinalIgnoreCase))
            .Select(k => int.TryParse(k.AsSpan(4), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        int created = 0, updated = 0;
        string Cell(Table.Line row, string key) => mapping.Columns.TryGetValue(key, out var column) ? row[column] : "";

        foreach (var row in table.Rows)
        {
            void Problem(string field, string message) => problems.Add(new(row.Number, Fields.First(f => f.Key == field).Label, message));
            var reference = Cell(row, "Reference");
            var numbered = reference.Length == 0;
            if (numbered)
            {
                reference = $"AST-{++next:000}";
            }

            if (seen.TryGetValue(reference, out var first))
            {
                Problem("Reference", $"{reference} appears again (first on row {first}).");
                continue;
            }

            seen[reference] = row.Number;
            var type = ImportText.Enum(Cell(row, "Type"), TypeWords);
            if (type is null)
            {
                Problem("Type", $"\"{Cell(row, "Type")}\" is not an asset type ({string.Join(", ", Enum.GetNames<AssetType>())}).");
            }
            else if (!string.Equals(type.ToString(), Cell(row, "Type"), StringComparison.OrdinalIgnoreCase))
            {
                notes.Add($"Type \"{Cell(row, "Type")}\" read as {type}.");
            }

            string? ownerId = null;
            var ownerText = Cell(row, "Owner");
            if (ownerText.Length > 0)
            {
                ownerId = users.Find(ownerText);
                if (ownerId is null && users.NamesIneligible(ownerText))
                {
                    Problem("Owner", $"{ownerText}'s role does not allow them to own assets. Choose another owner, or ask an administrator to change their role.");
                }
                else if (ownerId is null && mapping.DefaultOwnerId is { Length: > 0 } fallback && users.Names.TryGetValue(fallback, out var fallbackName))
                {
                    ownerId = fallback;
                    notes.Add($"Owner \"{ownerText}\" is not a user: given to {fallbackName}.");
                }
                else if (ownerId is null)
                {
                    Problem("Owner", $"\"{ownerText}\" is not a user. Add them under Users, or choose an owner for names that are not users.");
                }
            }

            var classification = Cell(row, "Classification");
            if (classification.Length > 0 && !levels.Contains(classification, StringComparer.OrdinalIgnoreCase))
            {
                Problem("Classification", $"\"{classification}\" is not in your classification scheme ({string.Join(", ", levels)}); add it under Settings → Classification scheme.");
                classification = "";
            }

            int Value(string key)
            {
                var text = Cell(row, key);
                if (text.Length == 0)
                {
                    return 2;
                }

                if (ImportText.TryInt(text, out var n) && Asset.InRange(n))
                {
                    return n;
                }

                var word = ImportText.Key(text) switch { "low" => 1, "medium" => 2, "high" => 3, "veryhigh" or "critical" => 4, _ => 0 };
                if (word == 0)
                {
                    Problem(key, $"\"{text}\" is not a value from 1 (low) to 4 (very high).");
                }

                return Math.Max(word, 1);
            }

            var criticalityText = Cell(row, "Criticality");
            var criticality = criticalityText.Length == 0 ? Criticality.Medium : ImportText.Enum(criticalityText, CriticalityWords);
            if (criticality is null)
            {
                Problem("Criticality", $"\"{criticalityText}\" is not a criticality ({string.Join(", ", Enum.GetNames<Criticality>())}).");
            }

            var scopeText = ImportText.Key(Cell(row, "InScope"));
            var inScope = scopeText is "" or "yes" or "y" or "true" or "1" or "inscope" or "in";
            var details = new SaveAsset.Command
            {
                Reference = reference, Name = Cell(row, "Name"), Type = type ?? AssetType.Information, Category = Text.OrNull(Cell(row, "Category")),
                Description = Text.OrNull(Cell(row, "Description")), OwnerId = ownerId, Custodian = Text.OrNull(Cell(row, "Custodian")),
                Location = Text.OrNull(Cell(row, "Location")), Classification = Text.OrNull(classification),
                Confidentiality = Value("Confidentiality"), Integrity = Value("Integrity"), Availability = Value("Availability"),
                Criticality = criticality ?? Criticality.Medium, InScope = inScope,
            };

            Asset asset;
            if (existing.TryGetValue(reference, out var found))
            {
                if (!mapping.UpdateExisting)
                {
                    Problem("Reference", $"{reference} is already in the inventory. Tick \"update existing assets\" to overwrite it from the file.");
                    continue;
                }

                asset = found;
                updated++;
            }
            else
            {
                asset = new Asset();
                created++;
            }

            var result = asset.Update(details, reference, levels);
            foreach (var error in result.Errors)
            {
                problems.Add(new(row.Number, Fields.FirstOrDefault(f => f.Key == error.Field)?.Label ?? error.Field, error.Message));
            }

            if (result.Succeeded && found is null)
            {
                if (numbered)
                {
                    asset.NumberAutomatically();
                }

                db.Add(asset);
            }
        }

        return await ImportText.Finish(db, uploads, id, commit, table.Rows.Count, created, updated, problems, notes, ct);
    }
}
