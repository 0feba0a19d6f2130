using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Controls;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Security;
using OpenIsms.Core.Soa;

namespace OpenIsms.Core.Imports;

/// <summary>
/// Imports a Statement of Applicability: rows matched to Annex A controls by identifier (with or without "A.") or,
/// failing that, loosely by title; applicability, justification, status and notes. Dry run first; all rows or none.
/// </summary>
public sealed partial class ImportSoa(OpenIsmsDbContext db, ImportUploads uploads) : IImporter
{
    public const string Kind = "soa";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Code", "Annex A control", false, "controlid", "control", "id", "annexa", "ref", "nr", "kontrolle", "maßnahme", "mesure", "contrôle", "control", "controllo", "maatregel", "beheersmaatregel"),
        new("Title", "Control name", false, "controlname", "name", "title", "bezeichnung", "titel", "intitulé", "titre", "nombre", "título", "titolo", "nome", "naam"),
        new("Applicable", "Applicable", true, "applicable", "included", "applicability", "inscope", "anwendbar", "anwendbarkeit", "applicabilité", "aplicable", "aplicabilidad", "applicabile", "applicabilità", "vantoepassing", "toepasselijk"),
        new("Reasons", "Reasons for inclusion", false, "reasonsforinclusion", "reasons", "inclusionreasons", "gründe", "raisons", "motivos", "motivi", "redenen") { IsList = true },
        new("InclusionJustification", "Justification for inclusion", false, "justificationforinclusion", "whyincluded", "begründungfüraufnahme", "justificationdelinclusion", "justificacióndeinclusión", "giustificazionedellinclusione", "rechtvaardigingvoeropname"),
        new("Justification", "Justification", false, "justificationforexclusion", "justification", "reason", "rationale", "begründung", "justificación", "justificacion", "giustificazione", "motivazione", "rechtvaardiging", "motivering"),
        new("Status", "Implementation status", false, "implementationstatus", "status", "umsetzungsstatus", "umsetzung", "statut", "estado", "stato", "implementatiestatus"),
        new("OverrideReason", "Status set by hand because", false, "statussetbyhandbecause", "overridereason", "statusreason"),
        new("Notes", "Notes", false, "implementationdescription", "notes", "description", "comments", "bemerkungen", "anmerkungen", "beschreibung", "remarques", "commentaires", "notas", "comentarios", "note", "commenti", "opmerkingen"),
    ];

    string IImporter.Kind => Kind;

    string IImporter.Permission => ControlPermissions.Edit;

    IReadOnlyList<ImportField> IImporter.Fields => Fields;

    public Task<IReadOnlyDictionary<string, ImportVocabulary>> Vocabularies(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<string, ImportVocabulary>>(new Dictionary<string, ImportVocabulary>
        {
            ["Applicable"] = Imports.Vocabularies.Applicable,
            ["Status"] = Imports.Vocabularies.ControlStatus,
            ["Reasons"] = Imports.Vocabularies.InclusionReasons,
        });

    public async Task<ImportReport> Run(Guid id, ImportMapping mapping, bool commit, CancellationToken ct = default)
    {
        var (upload, table, stop) = await uploads.Open(id, Kind, ControlPermissions.Edit, "Your role does not allow editing the Statement of Applicability.", mapping,
            c => c.ContainsKey("Applicable") && (c.ContainsKey("Code") || c.ContainsKey("Title")), "Choose the columns that hold the control (its identifier or its name) and whether it is applicable.", ct);
        if (stop is not null || upload is null || table is null)
        {
            return stop ?? ImportReport.FileGone();
        }

        var reason = Enum.TryParse<InclusionReason>(mapping.InclusionReason, out var chosen) ? chosen : InclusionReason.BestPractice;
        var requirements = await db.SoaControls().AsNoTracking().Select(r => new Control(r.Id, r.Code, r.Title)).ToListAsync(ct);
        var byCode = requirements.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var entries = await db.Set<SoaEntry>().ToDictionaryAsync(e => e.RequirementId, ct);
        var treated = (await db.Set<RiskControl>().Select(x => x.RequirementId).Distinct().ToListAsync(ct)).ToHashSet();
        var values = new ImportValues(table, Fields, mapping, await Vocabularies(ct));
        var problems = new List<ImportProblem>();
        var notes = new SortedSet<string>(StringComparer.Ordinal) { $"Included rows get the reason \"{string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()))}\"; risks that plan on a control are listed with it automatically." };
        var seen = new Dictionary<Guid, (int Row, bool? Applicable)>();
        int created = 0, updated = 0;
        string Cell(Table.Line row, string key) => mapping.Columns.TryGetValue(key, out var column) ? row[column] : "";

        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new(row.Number, Fields.First(f => f.Key == field).Label, message));
            var title = Cell(row, "Title");
            var (requirement, translated) = Find(row, Cell(row, "Code"), title, mapping, requirements, byCode, Problem, notes);
            if (requirement is null)
            {
                continue;
            }

            var applicableText = Cell(row, "Applicable");
            var applicableValue = applicableText.Length == 0 ? null : values.Read("Applicable", applicableText);
            bool? applicable = applicableValue == Imports.Vocabularies.Yes ? true : applicableValue == Imports.Vocabularies.No ? false : null;
            if (applicableValue == Imports.Vocabularies.Undecided)
            {
                // "Not decided" (as the export writes an open row): nothing to record, and nothing recorded is undone.
                notes.Add("Rows not decided in the file leave the control as it is.");
                seen[requirement.Id] = (row.Number, null);
                continue;
            }

            if (applicableText.Length == 0)
            {
                Problem("Applicable", "Say whether the control applies (yes or no).");
            }
            else if (applicableValue is null)
            {
                Problem("Applicable", values.Unknown("Applicable", applicableText));
            }

            // An excluded control has no implementation status to read ("N/A" there means just that).
            var statusText = applicable == false ? "" : Cell(row, "Status");
            var statusValue = statusText.Length == 0 ? null : values.Read("Status", statusText);
            if (statusText.Length > 0 && statusValue is null)
            {
                Problem("Status", values.Unknown("Status", statusText));
            }

            ControlStatus? status = statusValue is null or ImportVocabulary.Empty ? null : Enum.Parse<ControlStatus>(statusValue);
            if (seen.TryGetValue(requirement.Id, out var first))
            {
                // Two 2013 controls merged into one 2022 control may both be in the file: one decision if they agree.
                if (translated && first.Applicable == applicable)
                {
                    notes.Add($"Rows {first.Row} and {row.Number} both become {requirement.Code} (merged in 2022) and agree: row {first.Row} is used.");
                }
                else
                {
                    Problem("Code", translated
                        ? $"Becomes {requirement.Code} (merged in 2022), which row {first.Row} already decides differently. Decide it once, on one row."
                        : $"{requirement.Code} appears again (first on row {first.Row}).");
                }

                continue;
            }

            seen[requirement.Id] = (row.Number, applicable);
            if (problems.Count > before)
            {
                continue;
            }

            // One "Justification" column serves both ways (why excluded, or why included); a file may also have one of each.
            var justification = Text.OrNull(Cell(row, "Justification"));
            var inclusion = mapping.Columns.ContainsKey("InclusionJustification") ? Text.OrNull(Cell(row, "InclusionJustification")) : justification;
            var reasons = new List<InclusionReason>();
            if (mapping.Columns.ContainsKey("Reasons"))
            {
                foreach (var word in Fields.First(f => f.Key == "Reasons").Items(Cell(row, "Reasons")))
                {
                    var known = values.Read("Reasons", word);
                    if (known is null)
                    {
                        Problem("Reasons", values.Unknown("Reasons", word));
                    }
                    else if (known != ImportVocabulary.Empty)
                    {
                        reasons.Add(Enum.Parse<InclusionReason>(known));
                    }
                }
            }
            else
            {
                reasons.Add(reason);
            }

            // With a column saying why a status was set by hand, a status without one follows the implementing controls.
            if (mapping.Columns.ContainsKey("OverrideReason") && Text.OrNull(Cell(row, "OverrideReason")) is null)
            {
                status = null;
            }

            var overrideReason = mapping.Columns.ContainsKey("OverrideReason") ? Text.OrNull(Cell(row, "OverrideReason")) : $"As recorded in {upload.FileName}";
            if (problems.Count > before)
            {
                continue;
            }

            var rowNotes = Text.OrNull(Cell(row, "Notes"));
            if (!entries.TryGetValue(requirement.Id, out var entry))
            {
                entry = new SoaEntry { RequirementId = requirement.Id };
                entries[requirement.Id] = entry;
                db.Add(entry);
                created++;
            }
            else if (entry.Applicable is not null && !mapping.UpdateExisting)
            {
                Problem("Code", $"{requirement.Code} is already decided. Tick \"update existing decisions\" to overwrite it from the file.");
                continue;
            }
            else
            {
                updated++;
            }

            var result = entry.Decide(new SoaEntry.Decision
            {
                Applicable = applicable,
                Reasons = applicable == true ? reasons : [],
                ExclusionJustification = applicable == false ? justification : null,
                InclusionJustification = applicable == true ? inclusion : null,
                StatusOverride = applicable == true ? status : null,
                OverrideReason = applicable == true && status is not null ? overrideReason : null,
                Notes = rowNotes,
            }, treated.Contains(requirement.Id));
            foreach (var error in result.Errors)
            {
                problems.Add(new(row.Number, error.Field == "ExclusionJustification" ? "Justification" : error.Field, error.Message));
            }
        }

        var missing = requirements.Count(r => !seen.ContainsKey(r.Id) && (!entries.TryGetValue(r.Id, out var e) || e.Applicable is null));
        if (missing > 0)
        {
            notes.Add($"{missing} Annex A control(s) are not in the file and stay undecided.");
        }

        return await ImportText.Finish(db, uploads, id, commit, table.Rows.Count, created, updated, problems, notes, ct);
    }

    private sealed record Control(Guid Id, string Code, string Title);

    /// <summary>
    /// The 2022 control a row names: by its number (A.5.1, A5.1, A.05.01, 5.1), a 2013 number through the correspondence
    /// when the person has said so, or its name. Every doubt is a problem on the row: a 2013 number, a number a workbook
    /// may have shortened (5.3 for 5.30), a name that belongs to another control.
    /// </summary>
    private static (Control? Control, bool Translated) Find(Table.Line row, string code, string title, ImportMapping mapping, List<Control> requirements,
        Dictionary<string, Control> byCode, Action<string, string> problem, SortedSet<string> notes)
    {
        var foldedTitle = ImportVocabulary.Fold(title);
        bool Names(Control c) => foldedTitle.Length >= 4 && (ImportVocabulary.Fold(c.Title) is var t && (t == foldedTitle || t.StartsWith(foldedTitle, StringComparison.Ordinal) || foldedTitle.StartsWith(t, StringComparison.Ordinal)));
        var match = ControlCode().Match(code);
        if (!match.Success)
        {
            if (title.Length > 0 && requirements.FirstOrDefault(Names) is { } byName)
            {
                notes.Add($"\"{title}\" matched to {byName.Code} {byName.Title} by its name.");
                return (byName, false);
            }

            problem("Code", $"\"{code}{(title.Length > 0 ? (code.Length > 0 ? " " : "") + title : "")}\" is not an ISO/IEC 27001:2022 Annex A control.");
            return (null, false);
        }

        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (match.Groups[3].Success)
        {
            var old = $"{major}.{minor}.{int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)}";
            var targets = Annex2013.Of(old);
            if (targets.Count == 0)
            {
                problem("Code", $"\"{code}\" is neither an ISO/IEC 27001:2022 control (A.5.1 to A.8.34) nor an ISO/IEC 27001:2013 one.");
                return (null, false);
            }

            var named = string.Join(" and ", targets.Select(t => $"{t.New} {t.NewTitle}"));
            if (targets.Count > 1)
            {
                problem("Code", $"A.{old} is an ISO/IEC 27001:2013 control that corresponds to two 2022 controls ({named}). Write the 2022 number of the one this row decides.");
                return (null, false);
            }

            if (!mapping.Translate2013)
            {
                problem("Code", $"A.{old} is an ISO/IEC 27001:2013 control number; in 2022 it is {named}. Tick \"Read ISO/IEC 27001:2013 numbers\" to take the 2022 control, or write its number.");
                return (null, false);
            }

            notes.Add($"A.{old} ({targets[0].OldTitle}, 2013) read as {named}.");
            return (byCode.GetValueOrDefault(targets[0].New), true);
        }

        if (major is < 5 or > 8 || !byCode.TryGetValue($"A.{major}.{minor}", out var found))
        {
            problem("Code", $"\"{code}\" is not an ISO/IEC 27001:2022 Annex A control (A.5.1 to A.8.34){(major > 8 ? "; a 2013 control has three parts, such as A.12.1.2" : "")}.");
            return (null, false);
        }

        // A workbook number in the General format hides a trailing zero: 5.3 may have been typed as 5.30.
        if (mapping.Columns.TryGetValue("Code", out var column) && row.IsPlainNumber(column) && minor < 10 && byCode.TryGetValue($"A.{major}.{minor * 10}", out var longer))
        {
            var byTitle = new[] { found, longer }.Where(Names).ToList();
            if (byTitle.Count == 1)
            {
                notes.Add($"The number {code} (a number in the workbook, which drops trailing zeros) read as {byTitle[0].Code} by its name.");
                return (byTitle[0], false);
            }

            problem("Code", $"{code} is a number in the workbook, which drops trailing zeros: it could be {found.Code} or {longer.Code}. Map the control name column, or format the column as text and write the id again.");
            return (null, false);
        }

        // A name that is clearly another control's: the id or the name is wrong, and only the person knows which.
        if (title.Length > 0 && !Names(found) && requirements.FirstOrDefault(c => c.Id != found.Id && Names(c)) is { } other)
        {
            problem("Title", $"{found.Code} is \"{found.Title}\", but the name in the file is {other.Code}'s (\"{other.Title}\"). Correct the id or the name.");
            return (null, false);
        }

        return (found, false);
    }

    // A.5.1, A5.1, A.05.01, 5.1 (also inside "A.5.1 Policies…"); a third part marks a 2013 number (A.12.1.2).
    [GeneratedRegex(@"(?<![\w.])(?:A\s?\.?\s?)?0?(\d{1,2})\.0?(\d{1,2})(?:\.(\d{1,2}))?(?![\w.]*\d)")]
    private static partial Regex ControlCode();
}
