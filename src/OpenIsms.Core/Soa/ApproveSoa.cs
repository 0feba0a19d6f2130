using System.Text.Json;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Security;

namespace OpenIsms.Core.Soa;

/// <summary>Approves the SoA as it stands: a numbered, frozen copy of every row with the approver and the time.</summary>
public sealed class ApproveSoa(OpenIsmsDbContext db, GetSoa get)
{
    public async Task<Result<int>> Handle(string? note, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(SoaPermissions.Approve) || db.CurrentUser.UserId is not { } userId)
        {
            return Result<int>.From(Result.Forbidden());
        }

        var soa = await get.Handle(ct);
        var undecided = soa.Lines.Count(l => l.Entry?.Applicable is null);
        if (undecided > 0)
        {
            return Result<int>.From(Result.Fail($"{undecided} Annex A control(s) are not decided yet. Every control needs a decision before the SoA can be approved."));
        }

        var number = (soa.Latest?.Number ?? 0) + 1;
        db.Add(new SoaVersion
        {
            Number = number, ApprovedById = userId, ApprovedByName = db.CurrentUser.DisplayName, ApprovedAt = db.Clock.UtcNow,
            Note = Text.OrNull(note), RowsJson = JsonSerializer.Serialize(soa.Lines.Select(l => l.Row).ToList()),
        });
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? number : Result<int>.From(saved);
    }
}
