using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Risks;

/// <summary>The choices a risk form offers: the people who may own risks, the threat and vulnerability catalogues, assets and Annex A controls.</summary>
public sealed class GetRiskFormOptions(OpenIsmsDbContext db)
{
    public sealed record Options
    {
        public required IReadOnlyList<Choice> Users { get; init; }

        public required IReadOnlyList<Choice> Threats { get; init; }

        public required IReadOnlyList<Choice> Vulnerabilities { get; init; }

        public required IReadOnlyList<Choice> Assets { get; init; }

        public required IReadOnlyList<Choice> Controls { get; init; }
    }

    public async Task<Options> Handle(CancellationToken ct = default)
    {
        var users = await Owners.Choices(db, Security.OwnerDuties.Risk, ct);
        var threats = await db.Set<Threat>().AsNoTracking().OrderBy(t => t.Group).ThenBy(t => t.Name)
            .Select(t => new Choice(t.Id.ToString(), t.Name, t.Group)).ToListAsync(ct);
        var vulnerabilities = await db.Set<Vulnerability>().AsNoTracking().OrderBy(t => t.Group).ThenBy(t => t.Name)
            .Select(t => new Choice(t.Id.ToString(), t.Name, t.Group)).ToListAsync(ct);
        var assets = await db.Set<Asset>().AsNoTracking().OrderBy(a => a.Reference)
            .Select(a => new Choice(a.Id.ToString(), a.Reference + " · " + a.Name, null)).ToListAsync(ct);
        var controls = await Controls(db, ct);
        return new Options { Users = users, Threats = threats, Vulnerabilities = vulnerabilities, Assets = assets, Controls = controls };
    }

    /// <summary>Every active user, for filters ("owned by").</summary>
    public Task<List<Choice>> Users(CancellationToken ct = default) => ActiveUsers(db, ct);

    /// <summary>The people who may be named owner of a kind of record (<see cref="Security.OwnerDuties"/>), for owner pickers.</summary>
    public Task<List<Choice>> OwnersFor(string duty, CancellationToken ct = default) => Owners.Choices(db, duty, ct);

    public Task<List<Choice>> AnnexAControls(CancellationToken ct = default) => Controls(db, ct);

    public static async Task<List<Choice>> ActiveUsers(OpenIsmsDbContext db, CancellationToken ct) =>
        await db.Set<AppUser>().AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Choice(u.Id, u.DisplayName, null)).ToListAsync(ct);

    public static async Task<List<Choice>> Controls(OpenIsmsDbContext db, CancellationToken ct) =>
        await db.SoaControls().AsNoTracking().OrderBy(r => r.SortOrder)
            .Select(r => new Choice(r.Id.ToString(), r.Code + " " + r.Title, r.Theme)).ToListAsync(ct);
}
