using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Assets;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Frameworks;
using OpenIsms.Core.People;
using OpenIsms.Core.Risks;
using OpenIsms.Core.Users;

namespace OpenIsms.Core.Documents;

/// <summary>What the document forms offer: kinds, owners, classification levels, controls and risks, approvers, audiences.</summary>
public sealed class GetDocumentFormOptions(OpenIsmsDbContext db)
{
    public sealed record Options
    {
        public required IReadOnlyList<Choice> Kinds { get; init; }

        public required IReadOnlyList<Choice> Owners { get; init; }

        public required IReadOnlyList<Choice> Classifications { get; init; }

        public required IReadOnlyList<Choice> Controls { get; init; }

        public required IReadOnlyList<Choice> Risks { get; init; }
    }

    public sealed record Audience(IReadOnlyList<string> Departments, IReadOnlyList<string> Roles, IReadOnlyList<Choice> People);

    public static IReadOnlyList<Choice> KindChoices { get; } = Enum.GetValues<DocumentKind>().Select(k => new Choice(k.ToString(), DocumentKinds.Name(k))).ToList();

    public async Task<Options> Handle(CancellationToken ct = default) => new()
    {
        Kinds = KindChoices,
        Owners = await Users.Owners.Choices(db, Security.OwnerDuties.Document, ct),
        Classifications = await db.Set<ClassificationLevel>().AsNoTracking().OrderBy(l => l.Rank).Select(l => new Choice(l.Name, l.Name, null)).ToListAsync(ct),
        Controls = await db.SoaControls().AsNoTracking().OrderBy(r => r.SortOrder).Select(r => new Choice(r.Id.ToString(), r.Code + " " + r.Title, r.Theme)).ToListAsync(ct),
        Risks = await db.Set<Risk>().AsNoTracking().OrderBy(r => r.Reference).Select(r => new Choice(r.Id.ToString(), r.Reference + " · " + r.Title, null)).ToListAsync(ct),
    };

    /// <summary>The users who may own a document, for the register's filter.</summary>
    public Task<List<Choice>> Owners(CancellationToken ct = default) => Users.Owners.Choices(db, Security.OwnerDuties.Document, ct);

    /// <summary>The users who may be named approvers.</summary>
    public Task<List<Choice>> Approvers(CancellationToken ct = default) => Users.Owners.Choices(db, DocumentPermissions.Approve, ct);

    /// <summary>Whom a campaign can ask: departments and people still employed, and roles.</summary>
    public async Task<Audience> Audiences(CancellationToken ct = default)
    {
        var today = await db.Clock.Today(ct);
        var current = db.Set<Person>().AsNoTracking().Where(p => p.LeavingDate == null || p.LeavingDate >= today);
        var departments = await current.Where(p => p.Department != null).Select(p => p.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
        var people = await current.OrderBy(p => p.Name).Select(p => new Choice(p.Id.ToString(), p.Email == null ? p.Name : p.Name + " <" + p.Email + ">", p.Department)).ToListAsync(ct);
        return new Audience(departments, Security.Roles.All, people);
    }
}
