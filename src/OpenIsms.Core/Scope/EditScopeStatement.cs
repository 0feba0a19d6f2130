using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Scope;

/// <summary>Writes the scope statement and the climate-change determination of the draft version.</summary>
public sealed class EditScopeStatement(OpenIsmsDbContext db)
{
    /// <summary>The statement as its form gives it; <see cref="From"/> fills it for editing.</summary>
    public sealed class Command
    {
        public string? Statement { get; set; }

        public ClimateRelevance ClimateChange { get; set; }

        public string? ClimateChangeRationale { get; set; }

        public string? ChangeNote { get; set; }

        public int Version { get; set; }

        public static Command From(ScopeRevision r) => new()
        {
            Statement = r.Statement, ClimateChange = r.ClimateChange, ClimateChangeRationale = r.ClimateChangeRationale, ChangeNote = r.ChangeNote, Version = r.Version,
        };
    }

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
