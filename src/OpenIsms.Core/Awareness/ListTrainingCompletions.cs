using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>A training's completions, newest first, paged in SQL: the record of who completed it when and how.</summary>
public sealed class ListTrainingCompletions(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required Guid? PersonId { get; init; }

        public required string PersonName { get; init; }

        public required DateOnly CompletedOn { get; init; }

        public required CompletionMethod Method { get; init; }

        public required int? Score { get; init; }

        public required bool Passed { get; init; }

        public required string RecordedBy { get; init; }
    }

    public async Task<Page<Row>?> Handle(Guid trainingId, int page, int pageSize, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Read) || !await db.Set<Training>().AnyAsync(t => t.Id == trainingId, ct))
        {
            return null;
        }

        var q = db.Set<TrainingCompletion>().AsNoTracking().Where(c => c.TrainingId == trainingId);
        var size = PageSizes.Normalise(pageSize);
        var number = PageSizes.NormalisePage(page);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.CompletedOn).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size).Select(c => new Row
        {
            Id = c.Id, PersonId = c.PersonId, PersonName = c.PersonName, CompletedOn = c.CompletedOn, Method = c.Method, Score = c.Score, Passed = c.Passed, RecordedBy = c.RecordedBy,
        }).ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
