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
public sealed class ImportAssets(OpenIsmsDbContext db, ImportUploads uploads) : IImporter
{
    public const string Kind = "assets";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Reference", "Identifier", false, "id", "assetid", "ref", "reference", "assetno", "kennung", "nr", "identifiant", "identificador", "identificativo", "nummer"),
        new("Name", "Name", true, "assetname", "asset", "name", "title", "bezeichnung", "wert", "nom", "actif", "nombre", "activo", "nome", "bene", "naam", "bedrijfsmiddel"),
        new("Type", "Type", true, "assettype", "type", "typ", "art", "tipo", "soort"),
        new("Category", "Category", false, "category", "subtype", "kategorie", "catégorie", "categoría", "categoria", "categorie"),
        new("Description", "Description", false, "description", "details", "beschreibung", "descripción", "descrizione", "beschrijving", "omschrijving"),
        new("Owner", "Owner", false, "owner", "assetowner", "eigentümer", "verantwortlich", "verantwortlicher", "propriétaire", "responsable", "propietario", "proprietario", "responsabile", "eigenaar"),
        new("Custodian", "Custodian", false, "custodian", "betreuer", "dépositaire", "custodio", "custode", "beheerder"),
        new("Location", "Location", false, "location", "site", "standort", "ort", "emplacement", "ubicación", "ubicacion", "posizione", "ubicazione", "locatie"),
        new("Classification", "Classification", false, "classification", "class", "klassifizierung", "klassifikation", "einstufung", "clasificación", "classificazione", "classificatie"),
        new("Confidentiality", "Confidentiality", false, "confidentiality", "c", "vertraulichkeit", "confidentialité", "confidencialidad", "riservatezza", "vertrouwelijkheid"),
        new("Integrity", "Integrity", false, "integrity", "i", "integrität", "intégrité", "integridad", "integrità", "integriteit"),
        new("Availability", "Availability", false, "availability", "a", "verfügbarkeit", "disponibilité", "disponibilidad", "disponibilità", "beschikbaarheid"),
        new("Criticality", "Criticality", false, "criticality", "businesscriticality", "kritikalität", "kritikalitaet", "criticité", "criticidad", "criticità", "kritiek", "kritikaliteit"),
        new("InScope", "In scope", false, "inscope", "scope", "geltungsbereich", "périmètre", "alcance", "perimetro", "binnenscope"),
    ];

    string IImporter.Kind => Kind;

    string IImporter.Permission => AssetPermissions.Edit;

    IReadOnlyList<ImportField> IImporter.Fields => Fields;

    public async Task<IReadOnlyDictionary<string, ImportVocabulary>> Vocabularies(CancellationToken ct = default)
    {
        var users = await UserLookup.Load(db, Security.OwnerDuties.Asset, ct);
        var levels = await db.Set<ClassificationLevel>().OrderBy(l => l.Rank).Select(l => l.Name).ToListAsync(ct);
        return new Dictionary<string, ImportVocabulary>
        {
            ["Type"] = Imports.Vocabularies.AssetType,
            ["Owner"] = users.Vocabulary("owner"),
            ["Classification"] = Imports.Vocabularies.Classification(levels),
            ["Confidentiality"] = Imports.Vocabularies.ProtectionValue("confidentiality value"),
            ["Integrity"] = Imports.Vocabularies.ProtectionValue("integrity value"),
            ["Availability"] = Imports.Vocabularies.ProtectionValue("availability value"),
            ["Criticality"] = Imports.Vocabularies.Criticality,
            ["InScope"] = Imports.Vocabularies.InScope,
        };
    }

    public async Task<ImportReport> Run(Guid id, ImportMapping mapping, bool commit, CancellationToken ct = default)
    {
        var (upload, table, stop) = await uploads.Open(id, Kind, AssetPermissions.Edit, "Your role does not allow importing assets.", mapping,
            c => c.ContainsKey("Name") && c.ContainsKey("Type"), "Choose the columns that hold the asset's name and type.", ct);
        if (stop is not null || upload is null || table is null)
        {
            return stop ?? ImportReport.FileGone();
        }

        var problems = new List<ImportProblem>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);

        var users = await UserLookup.Load(db, Security.OwnerDuties.Asset, ct);
        var levels = await db.Set<ClassificationLevel>().OrderBy(l => l.Rank).Select(l => l.Name).ToListAsync(ct);
        var values = new ImportValues(table, Fields, mapping, await Vocabularies(ct));
        var existing = await db.Set<Asset>().ToDictionaryAsync(a => a.Reference, StringComparer.OrdinalIgnoreCase, ct);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var next = existing.Keys.Where(k => k.StartsWith("AST-", StringComparison.OrdinalIgnoreCase))
            .Select(k => int.TryParse(k.AsSpan(4), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        int created = 0, updated = 0;
        string Cell(Table.Line row, string key) => mapping.Columns.TryGetValue(key, out var column) ? row[column] : "";

        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new(row.Number, Fields.First(f => f.Key == field).Label, message));

            // A value from a fixed vocabulary: null for an empty cell (the record keeps what it has, or a new one its default).
            string? Choice(string field)
            {
                var text = Cell(row, field);
                if (text.Length == 0)
                {
                    return null;
                }

                var value = values.Read(field, text);
                if (value is null)
                {
                    Problem(field, values.Unknown(field, text));
                }

                return value == ImportVocabulary.Empty ? null : value;
            }

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
            existing.TryGetValue(reference, out var found);
            var type = Choice("Type");
            if (type is null && problems.Count == before)
            {
                Problem("Type", "The asset has no type. Every asset needs one.");
            }

            // Owner: a user by name or e-mail, or the person chosen for that name in the value step (role names, teams).
            var ownerText = Cell(row, "Owner");
            var owner = ownerText.Length == 0 ? null : values.Read("Owner", ownerText);
            if (ownerText.Length > 0 && owner is null)
            {
                Problem("Owner", users.Unknown(ownerText, "own assets"));
            }
            else if (owner is not null && owner != ImportVocabulary.Empty && users.Find(ownerText) is null)
            {
                notes.Add($"Owner \"{ownerText}\" given to {users.Names.GetValueOrDefault(owner, owner)}, as chosen.");
            }

            owner = owner == ImportVocabulary.Empty ? null : owner;
            int? Value(string key) => Choice(key) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;
            var confidentiality = Value("Confidentiality");
            var integrity = Value("Integrity");
            var availability = Value("Availability");
            var criticality = Choice("Criticality");
            var inScope = Choice("InScope");
            var classification = Choice("Classification");
            if (problems.Count > before)
            {
                continue;
            }

            // An empty cell keeps what an existing asset has; a new asset gets what the form would give it.
            var details = new SaveAsset.Command
            {
                Reference = reference, Name = Cell(row, "Name"), Type = Enum.Parse<AssetType>(type!),
                Category = Kept("Category", found?.Category), Description = Kept("Description", found?.Description),
                OwnerId = owner ?? (ownerText.Length == 0 && mapping.Columns.ContainsKey("Owner") ? null : found?.OwnerId),
                Custodian = Kept("Custodian", found?.Custodian), Location = Kept("Location", found?.Location),
                Classification = classification ?? (mapping.Columns.ContainsKey("Classification") ? null : found?.Classification),
                Confidentiality = confidentiality ?? found?.Confidentiality ?? 2, Integrity = integrity ?? found?.Integrity ?? 2, Availability = availability ?? found?.Availability ?? 2,
                Criticality = criticality is null ? found?.Criticality ?? Criticality.Medium : Enum.Parse<Criticality>(criticality),
                InScope = inScope is null ? found?.InScope ?? true : inScope == Imports.Vocabularies.Yes,
            };
            if (found is null && (confidentiality is null || integrity is null || availability is null) && mapping.Columns.Keys.Any(k => k is "Confidentiality" or "Integrity" or "Availability"))
            {
                notes.Add("New assets with no confidentiality, integrity or availability value get 2 (medium), as on the form.");
            }

            string? Kept(string key, string? current) => mapping.Columns.ContainsKey(key) ? Text.OrNull(Cell(row, key)) : current;

            Asset asset;
            if (found is not null)
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
