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
public sealed partial class ImportSoa(OpenIsmsDbContext db, ImportUploads uploads)
{
    public const string Kind = "soa";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Code", "Annex A control", false, "controlid", "control", "id", "annexa", "ref"),
        new("Title", "Control name", false, "controlname", "name", "title"),
        new("Applicable", "Applicable", true, "applicable", "included", "applicability", "inscope"),
        new("Justification", "Justification", false, "justification", "reason", "rationale"),
        new("Status", "Implementation status", false, "implementationstatus", "status"),
        new("Notes", "Notes", false, "implementationdescription", "notes", "description", "comments"),
    ];

    public Task<ImportReport> Handle(Guid upload, ImportMapping mapping, CancellationToken ct = default) => Run(upload, mapping, commit: false, ct);

    public Task<ImportReport> Commit(Guid upload, ImportMapping mapping, CancellationToken ct = default) => Run(upload, mapping, commit: true, ct);

    private async Task<ImportReport> Run(Guid id, ImportMapping mapping, bool commit, CancellationToken ct)
    {
        if (!db.CurrentUser.Has(ControlPermissions.Edit))
        {
            return ImportReport.Refused("Your role does not allow editing the Statement of Applicability.");
        }

        var (upload, table) = await uploads.Load(id, Kind, ct);
        if (upload is null || table is null)
        {
            return ImportReport.FileGone();
        }

        if (!mapping.Columns.ContainsKey("Applicable") || (!mapping.Columns.ContainsKey("Code") && !mapping.Columns.ContainsKey("Title")))
        {
            return new ImportReport
            {
                Rows = table.Rows.Count,
                Created = 0,
                Updated = 0,
                Problems = [new(0, "", "Choose the columns that hold the control (its identifier or its name) and whether it is applicable.")],
                Notes = [],
                Committed = false,
            };
        }

        var reason = Enum.TryParse<InclusionReason>(mapping.InclusionReason, out var chosen) ? chosen : InclusionReason.BestPractice;
        var requirements = await db.SoaControls().AsNoTracking().Select(r => new { r.Id, r.Code, r.Title }).ToListAsync(ct);
        var byTitle = requirements.GroupBy(r => ImportText.Key(r.Title)).ToDictionary(g => g.Key, g => g.First());
        var entries = await db.Set<SoaEntry>().ToDictionaryAsync(e => e.RequirementId, ct);
        var treated = (await db.Set<RiskControl>().Select(x => x.RequirementId).Distinct().ToListAsync(ct)).ToHashSet();
        var problems = new List<ImportProblem>();
        var notes = new SortedSet<string>(StringComparer.Ordinal) { $"Included rows get the reason \"{string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()))}\"; risks that plan on a control are listed with it automatically." };
        var seen = new Dictionary<Guid, int>();
        int created = 0, updated = 0;
        string Cell(Table.Line row, string key) => mapping.Columns.TryGetValue(key, out var column) ? row[column] : "";

        foreach (var row in table.Rows)
        {
            void Problem(string field, string message) => problems.Add(new(row.Number, Fields.First(f => f.Key == field).Label, message));
            var code = ControlCode().Match(Cell(row, "Code"));
            if (code.Success && code.Groups[3].Success)
            {
                // A.6.1.2 would otherwise land on 2022's A.6.1, an unrelated control: never guess across the editions.
                Problem("Code", $"\"{code.Value.Trim()}\" is an ISO/IEC 27001:2013 control number (three parts). This import takes ISO/IEC 27001:2022 numbers (A.5.1 to A.8.34): replace it with the 2022 control it corresponds to.");
                continue;
            }

            var requirement = code.Success
                ? requirements.FirstOrDefault(r => r.Code == $"A.{code.Groups[1].Value}.{int.Parse(code.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)}")
                : null;
            if (requirement is null && Cell(row, "Title") is { Length: > 0 } title)
            {
                var key = ImportText.Key(title);
                requirement = byTitle.GetValueOrDefault(key) ?? requirements.FirstOrDefault(r => ImportText.Key(r.Title).StartsWith(key, StringComparison.Ordinal) || key.StartsWith(ImportText.Key(r.Title), StringComparison.Ordinal));
                if (requirement is not null)
                {
                    notes.Add($"\"{title}\" matched to {requirement.Code} {requirement.Title} by its name.");
                }
            }

            if (requirement is null)
            {
                Problem("Code", $"\"{Cell(row, "Code")}{(Cell(row, "Title").Length > 0 ? " " + Cell(row, "Title") : "")}\" is not an ISO/IEC 27001:2022 Annex A control.");
                continue;
            }

            if (seen.TryGetValue(requirement.Id, out var first))
            {
                Problem("Code", $"{requirement.Code} appears again (first on row {first}).");
                continue;
            }

            seen[requirement.Id] = row.Number;
            var applicableKey = ImportText.Key(Cell(row, "Applicable"));
            bool? applicable = applicableKey switch
            {
                "yes" or "y" or "true" or "1" or "applicable" or "included" or "x" => true,
                "no" or "n" or "false" or "0" or "notapplicable" or "excluded" or "na" => false,
                _ => null,
            };
            if (applicable is null)
            {
                Problem("Applicable", $"\"{Cell(row, "Applicable")}\" is not yes or no.");
                continue;
            }

            var justification = Text.OrNull(Cell(row, "Justification"));
            var statusText = ImportText.Key(Cell(row, "Status"));
            ControlStatus? status = statusText switch
            {
                "implemented" or "complete" or "done" => ControlStatus.Implemented,
                "operating" or "operational" or "effective" => ControlStatus.Operating,
                "partial" or "partiallyimplemented" or "inprogress" or "planned" => ControlStatus.Planned,
                "notimplemented" or "notstarted" or "missing" => ControlStatus.NotStarted,
                "ineffective" => ControlStatus.Ineffective,
                _ => null,
            };
            if (statusText.StartsWith("partial", StringComparison.Ordinal))
            {
                notes.Add("\"Partially implemented\" read as Planned.");
            }

            var rowNotes = string.Join(" ", new[] { applicable == true && justification is not null ? $"Why included: {justification}" : null, Text.OrNull(Cell(row, "Notes")) }.Where(n => n is not null));
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
                Reasons = applicable == true ? [reason] : [],
                ExclusionJustification = applicable == false ? justification : null,
                StatusOverride = applicable == true ? status : null,
                OverrideReason = applicable == true && status is not null ? $"As recorded in {upload.FileName}" : null,
                Notes = Text.OrNull(rowNotes),
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

    // A.5.1, A5.1, A.05.01, 5.1 (also inside "A.5.1 Policies…"); a third part marks a 2013 number (A.6.1.2).
    [GeneratedRegex(@"(?<![\w.])(?:A\s?\.?\s?)?0?([5-8])\.(\d{1,2})(?:\.(\d{1,2}))?(?![\w.]*\d)")]
    private static partial Regex ControlCode();
}
