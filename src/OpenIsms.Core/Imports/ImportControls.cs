using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Imports;

/// <summary>
/// Imports the organisation's own controls: identifier, name, description, owner, type, how often it operates, how far
/// it is, and the Annex A controls it implements. Dry run first; all rows or none. Recurring controls in place get their
/// next run, as when saved on the form.
/// </summary>
public sealed partial class ImportControls(OpenIsmsDbContext db, ImportUploads uploads) : IImporter
{
    public const string Kind = "controls";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Reference", "Identifier", false, "id", "controlid", "ref", "reference", "nr", "kennung", "identifiant", "identificador", "identificativo", "nummer"),
        new("Name", "Name", true, "name", "controlname", "title", "control", "bezeichnung", "maßnahme", "nom", "mesure", "nombre", "control", "nome", "controllo", "naam", "maatregel"),
        new("Description", "Description", false, "description", "details", "beschreibung", "descripción", "descrizione", "beschrijving"),
        new("Owner", "Owner", false, "owner", "controlowner", "verantwortlich", "verantwortlicher", "propriétaire", "responsable", "propietario", "responsabile", "eigenaar"),
        new("Type", "Type", false, "type", "controltype", "typ", "art", "tipo", "soort"),
        new("Frequency", "Frequency", false, "frequency", "howoften", "häufigkeit", "turnus", "intervall", "fréquence", "frecuencia", "frequenza", "frequentie"),
        new("Status", "Status", false, "status", "implementationstatus", "umsetzungsstatus", "statut", "estado", "stato"),
        new("Implements", "Implements (Annex A)", false, "implements", "annexa", "annexacontrols", "annexacontrol", "iso27001", "anhanga", "annexea", "anexoa", "allegatoa", "bijlagea") { IsList = true },
    ];

    string IImporter.Kind => Kind;

    string IImporter.Permission => ControlPermissions.Edit;

    IReadOnlyList<ImportField> IImporter.Fields => Fields;

    public async Task<IReadOnlyDictionary<string, ImportVocabulary>> Vocabularies(CancellationToken ct = default) => new Dictionary<string, ImportVocabulary>
    {
        ["Owner"] = (await UserLookup.Load(db, OwnerDuties.Control, ct)).Vocabulary("owner"),
        ["Type"] = Imports.Vocabularies.ControlType,
        ["Frequency"] = Imports.Vocabularies.ControlFrequency,
        ["Status"] = Imports.Vocabularies.ControlStatus,
    };

    public async Task<ImportReport> Run(Guid id, ImportMapping mapping, bool commit, CancellationToken ct = default)
    {
        var (upload, table, stop) = await uploads.Open(id, Kind, ControlPermissions.Edit, "Your role does not allow editing controls.", mapping,
            c => c.ContainsKey("Name"), "Choose the column that holds the control's name.", ct);
        if (stop is not null || upload is null || table is null)
        {
            return stop ?? ImportReport.FileGone();
        }

        var users = await UserLookup.Load(db, OwnerDuties.Control, ct);
        var values = new ImportValues(table, Fields, mapping, await Vocabularies(ct));
        var requirements = await db.SoaControls().AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        var existing = await db.Set<Control>().ToDictionaryAsync(c => c.Reference, StringComparer.OrdinalIgnoreCase, ct);
        var links = (await db.Set<ControlRequirement>().ToListAsync(ct)).ToLookup(x => x.ControlId);
        var next = existing.Keys.Where(k => k.StartsWith(Control.Prefix, StringComparison.OrdinalIgnoreCase))
            .Select(k => int.TryParse(k.AsSpan(Control.Prefix.Length), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        var problems = new List<ImportProblem>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var today = await db.Clock.Today(ct);
        int created = 0, updated = 0;
        string Cell(Table.Line row, string key) => mapping.Columns.TryGetValue(key, out var column) ? row[column] : "";

        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new(row.Number, Fields.First(f => f.Key == field).Label, message));

            // A value from a fixed vocabulary: null for an empty cell (the control keeps what it has, or a new one the form's default).
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
                    Problem(field, field == "Owner" ? users.Unknown(text, "operate controls") : values.Unknown(field, text));
                }

                return value == ImportVocabulary.Empty ? null : value;
            }

            var reference = Cell(row, "Reference");
            var numbered = reference.Length == 0;
            if (numbered)
            {
                reference = $"{Control.Prefix}{++next:000}";
            }

            if (seen.TryGetValue(reference, out var first))
            {
                Problem("Reference", $"{reference} appears again (first on row {first}).");
                continue;
            }

            seen[reference] = row.Number;
            existing.TryGetValue(reference, out var found);
            var owner = Choice("Owner");
            var type = Choice("Type");
            var frequency = Choice("Frequency");
            var status = Choice("Status");
            var implements = new List<Guid>();
            foreach (var code in Fields.First(f => f.Key == "Implements").Items(Cell(row, "Implements")))
            {
                var m = ControlCode().Match(code);
                if (m.Success && requirements.TryGetValue($"A.{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)}.{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)}", out var requirementId))
                {
                    implements.Add(requirementId);
                }
                else
                {
                    Problem("Implements", $"\"{code}\" is not an ISO/IEC 27001:2022 Annex A control (A.5.1 to A.8.34).");
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            Control control;
            if (found is not null)
            {
                if (!mapping.UpdateExisting)
                {
                    Problem("Reference", $"{reference} is already a control. Tick \"update existing controls\" to overwrite it from the file.");
                    continue;
                }

                control = found;
                updated++;
            }
            else
            {
                control = new Control();
                created++;
            }

            var result = control.Update(new SaveControl.Command
            {
                Name = Cell(row, "Name"),
                Description = mapping.Columns.ContainsKey("Description") ? Text.OrNull(Cell(row, "Description")) : found?.Description,
                OwnerId = owner ?? (mapping.Columns.ContainsKey("Owner") && Cell(row, "Owner").Length == 0 ? null : found?.OwnerId),
                Type = type is null ? found?.Type ?? ControlType.Preventive : Enum.Parse<ControlType>(type),
                Frequency = frequency is null ? found?.Frequency ?? ControlFrequency.Yearly : Enum.Parse<ControlFrequency>(frequency),
                Status = status is null ? found?.Status ?? ControlStatus.NotStarted : Enum.Parse<ControlStatus>(status),
            }, reference);
            foreach (var error in result.Errors)
            {
                problems.Add(new(row.Number, Fields.FirstOrDefault(f => f.Key == error.Field)?.Label ?? error.Field, error.Message));
            }

            if (!result.Succeeded)
            {
                continue;
            }

            if (found is null)
            {
                if (numbered)
                {
                    control.NumberAutomatically();
                }

                db.Add(control);
            }

            if (mapping.Columns.ContainsKey("Implements"))
            {
                var current = links[control.Id].ToList();
                db.RemoveRange(current.Where(x => !implements.Contains(x.RequirementId)));
                db.AddRange(implements.Distinct().Where(r => current.All(x => x.RequirementId != r)).Select(r => new ControlRequirement { ControlId = control.Id, RequirementId = r }));
            }

            // A new control gets its first run as the form gives it (no query); a changed one has its runs brought in line;
            // an unchanged one is left alone.
            if (found is null && ControlSchedule.Next(control.Frequency, today) is { } firstDue)
            {
                ControlTaskSchedule.Start(db, control, firstDue);
            }
            else if (found is not null && db.Entry(control).State == EntityState.Modified)
            {
                await ControlTaskSchedule.Sync(db, control, null, ct);
            }
        }

        if (created > 0 && !mapping.Columns.ContainsKey("Type"))
        {
            notes.Add("New controls without a type are Preventive, and without a frequency Yearly, as on the form; change them on each control.");
        }

        return await ImportText.Finish(db, uploads, id, commit, table.Rows.Count, created, updated, problems, notes, ct);
    }

    [GeneratedRegex(@"^(?:A\s?\.?\s?)?0?([5-8])\.0?(\d{1,2})\b")]
    private static partial Regex ControlCode();
}
