using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Organisations;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Frameworks;

/// <summary>
/// Which framework the Statement of Applicability is kept against (administrators). Decisions already made stay with the
/// controls they were made for, so choosing back restores them.
/// </summary>
public sealed class ChooseSoaFramework(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public string? Framework { get; set; }
    }

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(OrganisationPermissions.Manage))
        {
            return Result.Forbidden();
        }

        var frameworks = await db.Set<Framework>().ToListAsync(ct);
        var chosen = frameworks.FirstOrDefault(f => f.Key == c.Framework?.Trim() && f.OffersSoa);
        if (chosen is null)
        {
            return Result.Invalid(new FieldError(nameof(c.Framework), "Choose a framework from the list: only those with controls to decide on can hold the Statement of Applicability."));
        }

        foreach (var framework in frameworks)
        {
            framework.ChooseForSoa(framework == chosen);
        }

        return await db.SaveAsync(ct);
    }

    /// <summary>At start-up: a new installation, or one from before the choice existed, keeps its SoA against the first framework that offers one.</summary>
    internal static async Task EnsureChosen(OpenIsmsDbContext db, CancellationToken ct)
    {
        var frameworks = await db.Set<Framework>().OrderByDescending(f => f.OffersSoa).ThenBy(f => f.Key).ToListAsync(ct);
        if (!frameworks.Any(f => f.HoldsSoa) && frameworks.FirstOrDefault(f => f.OffersSoa) is { } first)
        {
            first.ChooseForSoa(true);
            await db.SaveChangesAsync(ct);
        }
    }
}
