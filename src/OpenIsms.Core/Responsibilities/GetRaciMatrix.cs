using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;

namespace OpenIsms.Core.Responsibilities;

/// <summary>The RACI matrix: ISMS processes and controls against the ISMS roles (three queries, whatever its size).</summary>
public sealed class GetRaciMatrix(OpenIsmsDbContext db)
{
    public sealed record Column(Guid Id, string Name);

    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Name { get; init; }

        public required RaciSubject Subject { get; init; }

        public required string? ControlCode { get; init; }

        public required int Position { get; init; }

        public required int Version { get; init; }

        /// <summary>Role id → letter.</summary>
        public required IReadOnlyDictionary<Guid, RaciLetter> Cells { get; init; }

        /// <summary>Nobody is marked Responsible (or A/R): someone answers for the work but nobody is named to do it.</summary>
        public bool NobodyResponsible => !Cells.Values.Any(RaciActivity.IsResponsible);
    }

    public sealed record Matrix
    {
        public required IReadOnlyList<Column> Roles { get; init; }

        public required IReadOnlyList<Row> Rows { get; init; }
    }

    public async Task<Matrix> Handle(CancellationToken ct = default)
    {
        var roles = await db.Set<IsmsRole>().AsNoTracking().OrderByDescending(r => r.TopManagement).ThenBy(r => r.Name)
            .Select(r => new Column(r.Id, r.Name)).ToListAsync(ct);
        var activities = await db.Set<RaciActivity>().AsNoTracking().OrderBy(a => a.Position).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Subject, a.ControlCode, a.Position, a.Version }).ToListAsync(ct);
        var cells = (await db.Set<RaciCell>().AsNoTracking().Select(c => new { c.ActivityId, c.RoleId, c.Letter }).ToListAsync(ct))
            .ToLookup(c => c.ActivityId);
        return new Matrix
        {
            Roles = roles,
            Rows = activities.Select(a => new Row
            {
                Id = a.Id, Name = a.Name, Subject = a.Subject, ControlCode = a.ControlCode, Position = a.Position, Version = a.Version,
                Cells = cells[a.Id].ToDictionary(c => c.RoleId, c => c.Letter),
            }).ToList(),
        };
    }

    /// <summary>The Annex A controls a row may be about, by code.</summary>
    public async Task<IReadOnlyList<Choice>> ControlChoices(CancellationToken ct = default) =>
        await db.SoaControls().AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new Choice(r.Code, r.Code + " " + r.Title, r.Theme)).ToListAsync(ct);
}
