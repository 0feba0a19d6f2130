using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Context;

/// <summary>Adds or edits an internal or external issue.</summary>
public sealed class SaveContextIssue(OpenIsmsDbContext db)
{
    public sealed record Command(Guid? Id, IssueOrigin Origin, string Title, string? Category, string? Description, IssueEffect Effect, bool ClimateRelated, string? Response, int Version);

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ContextPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        ContextIssue issue;
        if (c.Id is { } id)
        {
            var found = await db.Set<ContextIssue>().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (found is null)
            {
                return Result<Guid>.From(Result.NotFound());
            }

            if (db.CheckVersion(found, c.Version) is { } conflict)
            {
                return Result<Guid>.From(Result.Stale(conflict));
            }

            issue = found;
        }
        else
        {
            issue = new ContextIssue();
            db.Add(issue);
        }

        var result = issue.Update(c.Origin, c.Title ?? "", c.Category, c.Description, c.Effect, c.ClimateRelated, c.Response);
        if (result.Succeeded)
        {
            result = await db.SaveAsync(ct);
        }

        return result.Succeeded ? issue.Id : Result<Guid>.From(result);
    }
}
