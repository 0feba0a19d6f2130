using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Imports;

/// <summary>
/// Imports the staff list as HR systems export it: name, e-mail, department, job title, manager (by name or e-mail, on
/// the list or further down the file), start and leaving dates. People are matched by e-mail, or by name where the file
/// gives none. Dry run first; all rows or none. Accounts with the same e-mail are linked.
/// </summary>
public sealed class ImportPeople(OpenIsmsDbContext db, ImportUploads uploads) : IImporter
{
    public const string Kind = "people";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Name", "Name", true, "name", "fullname", "employee", "employeename", "person", "displayname", "mitarbeiter", "mitarbeitername", "nom", "nomcomplet", "nombre", "empleado", "nome", "dipendente", "naam", "medewerker"),
        new("Email", "E-mail", false, "email", "emailaddress", "mail", "workemail", "courriel", "correo", "correoelectrónico", "posta", "emailadres"),
        new("Department", "Department", false, "department", "team", "unit", "abteilung", "bereich", "département", "service", "departamento", "dipartimento", "reparto", "afdeling"),
        new("JobTitle", "Job title", false, "jobtitle", "title", "position", "role", "funktion", "stelle", "poste", "fonction", "puesto", "cargo", "ruolo", "mansione", "functie"),
        new("Manager", "Manager", false, "manager", "linemanager", "supervisor", "reportsto", "vorgesetzter", "vorgesetzte", "führungskraft", "responsable", "jefe", "responsabile", "leidinggevende"),
        new("StartDate", "Start date", false, "startdate", "start", "hiredate", "joined", "eintritt", "eintrittsdatum", "datededébut", "dateentrée", "fechadeinicio", "fechaalta", "datainizio", "datadiassunzione", "startdatum", "indienst") { IsDate = true },
        new("LeavingDate", "Leaving date", false, "leavingdate", "enddate", "leftdate", "terminationdate", "austritt", "austrittsdatum", "datedesortie", "fechadebaja", "datacessazione", "uitdienst", "einddatum") { IsDate = true },
    ];

    string IImporter.Kind => Kind;

    string IImporter.Permission => PeoplePermissions.Edit;

    IReadOnlyList<ImportField> IImporter.Fields => Fields;

    string IImporter.MatchedBy => "the same e-mail (or, without one, the same name)";

    public Task<IReadOnlyDictionary<string, ImportVocabulary>> Vocabularies(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<string, ImportVocabulary>>(new Dictionary<string, ImportVocabulary>());

    public async Task<ImportReport> Run(Guid id, ImportMapping mapping, bool commit, CancellationToken ct = default)
    {
        var (upload, table, stop) = await uploads.Open(id, Kind, PeoplePermissions.Edit, "Your role does not allow editing the staff list.", mapping,
            c => c.ContainsKey("Name"), "Choose the column that holds the person's name.", ct);
        if (stop is not null || upload is null || table is null)
        {
            return stop ?? ImportReport.FileGone();
        }

        var values = new ImportValues(table, Fields, mapping, await Vocabularies(ct));
        var people = await db.Set<Person>().ToListAsync(ct);
        var byEmail = people.Where(p => p.Email is not null).ToDictionary(p => p.Email!, StringComparer.OrdinalIgnoreCase);
        var byName = people.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var accounts = (await db.Set<AppUser>().AsNoTracking().Where(u => u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct))
            .GroupBy(u => u.Email!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var problems = new List<ImportProblem>();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var managers = new List<(Person Person, string Text, int Row)>();
        int created = 0, updated = 0;
        string Cell(Table.Line row, string key) => mapping.Columns.TryGetValue(key, out var column) ? row[column] : "";

        foreach (var row in table.Rows)
        {
            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new(row.Number, Fields.First(f => f.Key == field).Label, message));
            var name = Cell(row, "Name");
            var email = Text.OrNull(Cell(row, "Email"))?.ToLowerInvariant();
            var key = email ?? name;
            if (seen.TryGetValue(key, out var first))
            {
                Problem(email is null ? "Name" : "Email", $"{key} appears again (first on row {first}).");
                continue;
            }

            seen[key] = row.Number;
            DateOnly? Date(string field)
            {
                var text = Cell(row, field);
                if (text.Length == 0)
                {
                    return null;
                }

                var date = values.Date(field, text, out var problem);
                if (problem is not null)
                {
                    Problem(field, problem);
                }

                return date;
            }

            var start = Date("StartDate");
            var leaving = Date("LeavingDate");

            // The same person: by e-mail; without one, by a name only one person on the list has.
            Person? found = null;
            if (email is not null)
            {
                byEmail.TryGetValue(email, out found);
            }
            else if (byName.TryGetValue(name.Trim(), out var named))
            {
                if (named.Count > 1)
                {
                    Problem("Name", $"{named.Count} people on the list are called {name.Trim()}. Give their e-mail to say which.");
                }
                else
                {
                    found = named[0];
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            if (found is not null && !mapping.UpdateExisting)
            {
                Problem(email is null ? "Name" : "Email", $"{found.Name} is already on the list. Tick \"update existing people\" to overwrite them from the file.");
                continue;
            }

            var person = found ?? new Person();
            var result = person.Update(new SavePerson.Command
            {
                Name = name,
                Email = email ?? found?.Email,
                Department = mapping.Columns.ContainsKey("Department") ? Cell(row, "Department") : found?.Department,
                JobTitle = mapping.Columns.ContainsKey("JobTitle") ? Cell(row, "JobTitle") : found?.JobTitle,
                ManagerId = found?.ManagerId,
                StartDate = start ?? found?.StartDate,
                LeavingDate = mapping.Columns.ContainsKey("LeavingDate") ? leaving : found?.LeavingDate,
            });
            foreach (var error in result.Errors)
            {
                problems.Add(new(row.Number, Fields.FirstOrDefault(f => f.Key == error.Field)?.Label ?? error.Field, error.Message));
            }

            if (!result.Succeeded)
            {
                continue;
            }

            person.LinkAccount(person.Email is { } e ? accounts.GetValueOrDefault(e) : null);
            if (found is null)
            {
                db.Add(person);
                created++;
                if (person.Email is { } added)
                {
                    byEmail[added] = person;
                }

                byName[person.Name] = byName.TryGetValue(person.Name, out var same) ? [.. same, person] : [person];
            }
            else
            {
                updated++;
            }

            if (mapping.Columns.ContainsKey("Manager"))
            {
                managers.Add((person, Cell(row, "Manager"), row.Number));
            }
        }

        // Managers last: a manager may be further down the file, or already on the list.
        foreach (var (person, text, rowNumber) in managers)
        {
            Person? manager = null;
            if (text.Length > 0 && !byEmail.TryGetValue(text, out manager))
            {
                var named = byName.GetValueOrDefault(text.Trim()) ?? [];
                if (named.Count == 1)
                {
                    manager = named[0];
                }
                else
                {
                    problems.Add(new(rowNumber, "Manager", named.Count == 0
                        ? $"\"{text}\" is not on the list or in the file. Add them, or leave the manager empty."
                        : $"{named.Count} people are called {text.Trim()}. Give the manager's e-mail to say which."));
                    continue;
                }
            }

            foreach (var error in person.ReportTo(manager?.Id).Errors)
            {
                problems.Add(new(rowNumber, "Manager", error.Message));
            }
        }

        return await ImportText.Finish(db, uploads, id, commit, table.Rows.Count, created, updated, problems.OrderBy(p => p.Row).ToList(), notes, ct);
    }
}
