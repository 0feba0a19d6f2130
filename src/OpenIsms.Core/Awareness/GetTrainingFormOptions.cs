using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Awareness;

/// <summary>The choices the training forms offer: documents to read, departments, and the people still employed.</summary>
public sealed class GetTrainingFormOptions(OpenIsmsDbContext db)
{
    public async Task<IReadOnlyList<Choice>> Documents(CancellationToken ct = default) =>
        (await db.Set<ControlledDocument>().AsNoTracking().OrderBy(d => d.Reference).Select(d => new { d.Id, d.Reference, d.Title }).ToListAsync(ct))
        .Select(d => new Choice(d.Id.ToString(), $"{d.Reference} {d.Title}")).ToList();

    public async Task<IReadOnlyList<string>> Departments(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        return await db.Set<Person>().AsNoTracking().Where(p => p.Department != null && (p.LeavingDate == null || p.LeavingDate >= today))
            .Select(p => p.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Choice>> People(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        return (await db.Set<Person>().AsNoTracking().Where(p => p.LeavingDate == null || p.LeavingDate >= today).OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name, p.Department }).ToListAsync(ct))
            .Select(p => new Choice(p.Id.ToString(), p.Department is null ? p.Name : $"{p.Name} ({p.Department})")).ToList();
    }

    /// <summary>The people in a training's audience, for the attendance list, with their status.</summary>
    public async Task<IReadOnlyList<PersonDue>> Audience(Guid trainingId, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Read))
        {
            return [];
        }

        var today = await db.Clock.Today(ct);
        return (await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope { TrainingId = trainingId }, ct))
            .OrderBy(e => e.Person.Department).ThenBy(e => e.Person.Name).Select(PersonDue.Of).ToList();
    }

    public Task<IReadOnlyList<Choice>> Handle(CancellationToken ct = default) => Documents(ct);
}
