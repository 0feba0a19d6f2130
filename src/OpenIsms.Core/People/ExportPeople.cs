using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.People;

/// <summary>The staff list as rows for an export, under the list's filter, streamed; the columns are the import's, so it imports back unchanged.</summary>
public sealed class ExportPeople(OpenIsmsDbContext db, ListPeople list)
{
    public static readonly string[] Columns = ["Name", "E-mail", "Department", "Job title", "Manager", "Start date", "Leaving date"];

    public async IAsyncEnumerable<object?[]> Handle(PersonFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        // A manager by e-mail where they have one (certain on re-import), else by name.
        var managers = await db.Set<Person>().AsNoTracking().Where(p => db.Set<Person>().Any(r => r.ManagerId == p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Email ?? p.Name, ct);
        await foreach (var p in list.Filter(filter, today).OrderBy(p => p.Name).ThenBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return [p.Name, p.Email, p.Department, p.JobTitle, p.ManagerId is { } m ? managers.GetValueOrDefault(m) : null, p.StartDate, p.LeavingDate];
        }
    }
}
