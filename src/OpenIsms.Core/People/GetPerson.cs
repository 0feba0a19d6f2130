using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.People;

/// <summary>One person with their manager, the people they manage, and their account.</summary>
public sealed class GetPerson(OpenIsmsDbContext db)
{
    public sealed record View
    {
        public required Person Person { get; init; }

        public required string? ManagerName { get; init; }

        public required IReadOnlyList<(Guid Id, string Name)> Reports { get; init; }

        public required string? AccountName { get; init; }
    }

    public async Task<View?> Handle(Guid id, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var manager = person.ManagerId is { } m ? await db.Set<Person>().Where(p => p.Id == m).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var reports = (await db.Set<Person>().AsNoTracking().Where(p => p.ManagerId == id).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
        var account = person.UserId is { } u ? await db.Set<AppUser>().Where(a => a.Id == u).Select(a => a.DisplayName).FirstOrDefaultAsync(ct) : null;
        return new View { Person = person, ManagerName = manager, Reports = reports, AccountName = account };
    }
}
