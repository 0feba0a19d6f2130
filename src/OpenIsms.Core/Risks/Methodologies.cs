using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Risks;

/// <summary>The methodology versions: the approved one, the draft if any, and every version for the history.</summary>
public sealed class GetMethodology(OpenIsmsDbContext db)
{
    public sealed record VersionRow(Guid Id, int Number, string Name, MethodologyStatus Status, string? ApprovedByName, DateTime? ApprovedAt, string? ChangeNote);

    public sealed record View(RiskMethodology? Shown, RiskMethodology? Approved, RiskMethodology? Draft, IReadOnlyList<VersionRow> Versions, int RisksToReassess);

    /// <summary>With a number, that version; otherwise the draft if there is one, else the approved version.</summary>
    public async Task<View?> Handle(int? number = null, CancellationToken ct = default)
    {
        var all = await db.Set<RiskMethodology>().AsNoTracking().OrderByDescending(m => m.Number).ToListAsync(ct);
        var approved = all.FirstOrDefault(m => m.Status == MethodologyStatus.Approved);
        var draft = all.FirstOrDefault(m => m.Status == MethodologyStatus.Draft);
        var shown = number is { } n ? all.FirstOrDefault(m => m.Number == n) : draft ?? approved;
        if (number is not null && shown is null)
        {
            return null;
        }

        var stale = approved is null ? 0 : await db.Set<Risk>().CountAsync(r => r.MethodologyId != null && r.MethodologyId != approved.Id && r.Status != RiskStatus.Closed, ct);
        return new View(shown, approved, draft,
            all.Select(m => new VersionRow(m.Id, m.Number, m.Name, m.Status, m.ApprovedByName, m.ApprovedAt, m.ChangeNote)).ToList(), stale);
    }

    /// <summary>The approved methodology, which every new assessment uses; null before the first approval.</summary>
    public async Task<RiskMethodology?> Approved(CancellationToken ct = default) =>
        await db.Set<RiskMethodology>().AsNoTracking().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Approved, ct);
}

/// <summary>Edits the draft methodology. An approved version is frozen.</summary>
public sealed class SaveMethodologyDraft(OpenIsmsDbContext db)
{
    public sealed record Command(string Name, MethodologyDefinition Definition, string? ChangeNote, int Version);

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.RisksApprove))
        {
            return Result.Forbidden();
        }

        var draft = await db.Set<RiskMethodology>().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Draft, ct);
        if (draft is null)
        {
            return Result.Fail("There is no draft to edit. Start a new version first.");
        }

        if (db.CheckVersion(draft, c.Version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var result = draft.Update(c.Name ?? "", c.Definition, c.ChangeNote);
        return result.Succeeded ? await db.SaveAsync(ct) : result;
    }
}

/// <summary>Starts the next version as a draft, copied from the latest version (or the default when there is none).</summary>
public sealed class StartMethodologyVersion(OpenIsmsDbContext db)
{
    public async Task<Result<int>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.RisksApprove))
        {
            return Result<int>.From(Result.Forbidden());
        }

        if (await db.Set<RiskMethodology>().AnyAsync(m => m.Status == MethodologyStatus.Draft, ct))
        {
            return Result<int>.From(Result.Fail("A draft version already exists; edit or approve it."));
        }

        var latest = await db.Set<RiskMethodology>().AsNoTracking().OrderByDescending(m => m.Number).FirstOrDefaultAsync(ct);
        var draft = latest is null ? RiskMethodology.FirstDraft(MethodologyDefinition.Default()) : latest.NextDraft(latest.Number + 1);
        db.Add(draft);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? draft.Number : Result<int>.From(saved);
    }
}

/// <summary>
/// Approves the draft: records who and when, freezes it and supersedes the previous version. Risks assessed under
/// an older version then need re-assessment (see <see cref="RemapRisks"/>).
/// </summary>
public sealed class ApproveMethodology(OpenIsmsDbContext db)
{
    public async Task<Result> Handle(int version, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(Permissions.RisksApprove) || db.CurrentUser.UserId is not { } userId)
        {
            return Result.Forbidden();
        }

        var draft = await db.Set<RiskMethodology>().FirstOrDefaultAsync(m => m.Status == MethodologyStatus.Draft, ct);
        if (draft is null)
        {
            return Result.Fail("There is no draft to approve.");
        }

        if (db.CheckVersion(draft, version) is { } conflict)
        {
            return Result.Stale(conflict);
        }

        var result = draft.Approve(userId, db.CurrentUser.DisplayName, db.Clock.UtcNow);
        if (!result.Succeeded)
        {
            return result;
        }

        var previous = await db.Set<RiskMethodology>().Where(m => m.Status == MethodologyStatus.Approved && m.Id != draft.Id).ToListAsync(ct);
        previous.ForEach(m => m.Supersede());
        return await db.SaveAsync(ct);
    }
}
