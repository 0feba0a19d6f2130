using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Imports;

/// <summary>
/// Imports a risk treatment plan: actions with the risk they treat (by its identifier), what is done, who does it, by
/// when, how far it is, and the Annex A controls it puts in place. An action is the same action when its risk and its
/// wording match, so a re-import of the plan's own export changes nothing. Dry run first; all rows or none.
/// </summary>
public sealed partial class ImportTreatmentPlan(OpenIsmsDbContext db, ImportUploads uploads) : IImporter
{
    public const string Kind = "treatment-plan";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Risk", "Risk", true, "risk", "riskid", "riskreference", "riskref", "risiko", "risikoid", "risque", "riesgo", "rischio", "risico"),
        new("Title", "Action", true, "action", "measure", "task", "title", "maßnahme", "aktion", "mesure", "acción", "accion", "medida", "azione", "misura", "actie", "maatregel"),
        new("Description", "Description", false, "description", "details", "beschreibung", "descripción", "descrizione", "beschrijving"),
        new("Owner", "Owner", false, "owner", "responsible", "actionowner", "verantwortlich", "verantwortlicher", "responsable", "responsabile", "eigenaar", "verantwoordelijke"),
        new("Due", "Due", false, "due", "duedate", "deadline", "targetdate", "fällig", "fälligkeit", "frist", "échéance", "fechalímite", "vencimiento", "scadenza", "deadline", "vervaldatum") { IsDate = true },
        new("Status", "Status", false, "status", "state", "statut", "estado", "stato"),
        new("Resources", "Resources", false, "resources", "resourcesneeded", "budget", "cost", "effort", "ressourcen", "aufwand", "ressources", "recursos", "risorse", "middelen"),
        new("Controls", "Annex A controls", false, "annexacontrol", "annexacontrols", "controls", "control", "maßnahmenanhanga", "contrôles", "controles", "controlli", "maatregelen"),
    ];

    string IImporter.Kind => Kind;

    string IImporter.Permission => RiskPermissions.Edit;

    IReadOnlyList<ImportField> IImporter.Fields => Fields;

    public async Task<IReadOnlyDictionary<string, ImportVocabulary>> Vocabularies(CancellationToken ct = default) => new Dictionary<string, ImportVocabulary>
    {
        ["Owner"] = (await UserLookup.Load(db, OwnerDuties.TreatmentAction, ct)).Vocabulary("owner"),
        ["Status"] = Imports.Vocabularies.ActionStatus,
    };

    public async Task<ImportReport> Run(Guid id, ImportMapping mapping, bool commit, CancellationToken ct = default)
    {
        var (upload, table, stop) = await uploads.Open(id, Kind, RiskPermissions.Edit, "Your role does not allow editing treatment plans.", mapping,
            c => c.ContainsKey("Risk") && c.ContainsKey("Title"), "Choose the columns that hold the risk's identifier and the action.", ct);
        if (stop is not null || upload is null || table is null)
        {
            return stop ?? ImportReport.FileGone();
        }

        var users = await UserLookup.Load(db, OwnerDuties.TreatmentAction, ct);
        var values = new ImportValues(table, Fields, mapping, await Vocabularies(ct));
        string Cell(Table.Line row, string key) => mapping.Columns.TryGetValue(key, out var column) ? row[column] : "";
        var risks = await db.Set<Risk>().AsNoTracking().Select(r => new { r.Id, r.Reference }).ToDictionaryAsync(r => r.Reference, r => r.Id, StringComparer.OrdinalIgnoreCase, ct);
        var controls = await db.SoaControls().AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        // Only the plans of the risks the file names: a 50,000-action plan is not read to import ten actions.
        var named = table.Rows.Select(r => risks.GetValueOrDefault(Cell(r, "Risk"))).Where(i => i != Guid.Empty).Distinct().ToList();
        var actions = (await db.Set<TreatmentAction>().Where(a => named.Contains(a.RiskId)).ToListAsync(ct))
            .GroupBy(a => (a.RiskId, Key: a.Title.Trim().ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First());
        var planned = (await db.Set<RiskControl>().AsNoTracking().Where(x => named.Contains(x.RiskId)).Select(x => new { x.RiskId, x.RequirementId }).ToListAsync(ct))
            .Select(x => (x.RiskId, x.RequirementId)).ToHashSet();
        var problems = new List<ImportProblem>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<(Guid, string), int>();
        var now = db.Clock.UtcNow;
        int created = 0, updated = 0;
        var withoutActions = new List<int>();
        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new(row.Number, Fields.First(f => f.Key == field).Label, message));
            var riskText = Cell(row, "Risk");
            if (!risks.TryGetValue(riskText, out var riskId))
            {
                Problem("Risk", riskText.Length == 0 ? "The action names no risk. Every action treats one." : $"\"{riskText}\" is not a risk in the register. Import the risk register first.");
                continue;
            }

            var title = Cell(row, "Title");
            if (title.Length == 0 && Fields.Where(f => f.Key is not ("Risk" or "Title")).All(f => Cell(row, f.Key).Length == 0))
            {
                // The plan's export lists treated risks without open actions (accepted, avoided, finished) as a risk with no action.
                withoutActions.Add(row.Number);
                continue;
            }

            var key = (riskId, title.Trim().ToUpperInvariant());
            if (seen.TryGetValue(key, out var first))
            {
                Problem("Title", $"The same action for {riskText} appears again (first on row {first}).");
                continue;
            }

            seen[key] = row.Number;
            string? owner = null;
            if (Cell(row, "Owner") is { Length: > 0 } ownerText)
            {
                owner = values.Read("Owner", ownerText);
                if (owner is null)
                {
                    Problem("Owner", users.Unknown(ownerText, "carry out treatment actions"));
                }
                else if (owner != ImportVocabulary.Empty && users.Find(ownerText) is null)
                {
                    notes.Add($"Owner \"{ownerText}\" given to {users.Names.GetValueOrDefault(owner, owner)}, as chosen.");
                }
            }

            DateOnly? due = null;
            if (Cell(row, "Due") is { Length: > 0 } dueText)
            {
                due = values.Date("Due", dueText, out var dateProblem);
                if (dateProblem is not null)
                {
                    Problem("Due", dateProblem);
                }
            }

            var status = ActionStatus.Planned;
            if (Cell(row, "Status") is { Length: > 0 } statusText)
            {
                var value = values.Read("Status", statusText);
                if (value is null or ImportVocabulary.Empty)
                {
                    Problem("Status", values.Unknown("Status", statusText));
                }
                else
                {
                    status = Enum.Parse<ActionStatus>(value);
                }
            }

            // "A 5.17 A 8.5": an action puts one control in place; every control named is planned for the risk.
            var codes = new List<Guid>();
            var controlsText = Cell(row, "Controls");
            foreach (Match m in ControlCode().Matches(controlsText))
            {
                var code = $"A.{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)}.{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)}";
                if (m.Groups[3].Success)
                {
                    var old = $"{code[2..]}.{int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)}";
                    var targets = Annex2013.Of(old);
                    Problem("Controls", targets.Count == 0 ? $"\"{m.Value.Trim()}\" is not an Annex A control."
                        : $"A.{old} is an ISO/IEC 27001:2013 control number; in 2022 it is {string.Join(" or ", targets.Select(t => $"{t.New} {t.NewTitle}"))}. Write the 2022 number.");
                }
                else if (controls.TryGetValue(code, out var requirementId))
                {
                    codes.Add(requirementId);
                }
                else
                {
                    Problem("Controls", $"{code} is not an ISO/IEC 27001:2022 Annex A control.");
                }
            }

            if (codes.Count > 1)
            {
                notes.Add("An action puts one Annex A control in place: where a row names several, the action is linked to the first, and all are planned for the risk.");
            }

            if (problems.Count > before)
            {
                continue;
            }

            var isNew = !actions.ContainsKey(key);
            if (actions.TryGetValue(key, out var action))
            {
                if (!mapping.UpdateExisting)
                {
                    Problem("Title", $"This action is already in {riskText}'s plan. Tick \"update existing actions\" to overwrite it from the file.");
                    continue;
                }

                updated++;
            }
            else
            {
                action = TreatmentAction.For(riskId);
                created++;
            }

            // An empty cell keeps what the action has; a column not in the file too.
            var result = action.Update(new SaveTreatmentAction.Command
            {
                RiskId = riskId, Title = title,
                Description = mapping.Columns.ContainsKey("Description") ? Text.OrNull(Cell(row, "Description")) : action.Description,
                Resources = mapping.Columns.ContainsKey("Resources") ? Text.OrNull(Cell(row, "Resources")) : action.Resources,
                OwnerId = owner == ImportVocabulary.Empty ? null : owner ?? action.OwnerId,
                Due = due ?? action.Due,
                Status = isNew || Cell(row, "Status").Length > 0 ? status : action.Status,
                RequirementId = codes.Count > 0 ? codes[0] : mapping.Columns.ContainsKey("Controls") && controlsText.Length == 0 ? null : action.RequirementId,
            }, now);
            foreach (var error in result.Errors)
            {
                problems.Add(new(row.Number, Fields.FirstOrDefault(f => f.Key == error.Field || (error.Field == "OwnerId" && f.Key == "Owner"))?.Label ?? error.Field, error.Message));
            }

            if (!result.Succeeded)
            {
                continue;
            }

            if (isNew)
            {
                actions[key] = action;
                db.Add(action);
            }

            foreach (var requirementId in codes.Where(c => planned.Add((riskId, c))))
            {
                db.Add(new RiskControl { RiskId = riskId, RequirementId = requirementId });
            }
        }

        if (withoutActions.Count > 0)
        {
            notes.Add($"{withoutActions.Count} row(s) name a risk and no action, as the plan's export lists treated risks without open actions: "
                + $"row(s) {string.Join(", ", withoutActions.Take(10))}{(withoutActions.Count > 10 ? "…" : "")}. There is nothing to import from them.");
        }

        return await ImportText.Finish(db, uploads, id, commit, table.Rows.Count, created, updated, problems, notes, ct);
    }

    // A.5.17, A 5.17, 5.17, A.05.17; a third part marks a 2013 number.
    [GeneratedRegex(@"(?:A\s?\.?\s?)?(?<![\d.])0?(\d{1,2})\.0?(\d{1,2})(?:\.(\d{1,2}))?\b")]
    private static partial Regex ControlCode();
}
