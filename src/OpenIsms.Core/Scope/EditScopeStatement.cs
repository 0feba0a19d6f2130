using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Writes the scope statement and the climate-change determination of the draft version.</summary>
public sealed class EditScopeStatement(OpenIsmsDbContext db)
{
    public sealed record Command(string Statement, ClimateRelevance ClimateChange, string? ClimateChangeRationale, string? ChangeNote, int Version);

    public async Task<Result> Handle(Command command, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(ScopePermissions.Edit))
        {
            return Result.Forbidden();
        }

        var revision = await ScopeDraft.Latest(db, ct);
        if (revision is null)
        {
            revision = ScopeRevision.First();
            db.Add(revision);
        }
        else if (db.CheckVersion(revision, command.Version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var result = revision.Update(command.Statement ?? "", command.ClimateChange, command.ClimateChangeRationale, command.ChangeNote);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}
