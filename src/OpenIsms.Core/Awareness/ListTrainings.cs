using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>Every training with its kind, validity and how many questions and assignments it has.</summary>
public sealed class ListTrainings(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required Guid Id { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required TrainingKind Kind { get; init; }

        public required int? ValidityMonths { get; init; }

        public required int? PassMark { get; init; }

        public required Guid? DocumentId { get; init; }

        public required string? Url { get; init; }

        public required int Questions { get; init; }

        public required int Assignments { get; init; }
    }

    public async Task<IReadOnlyList<Row>> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Read))
        {
            return [];
        }

        return await db.Set<Training>().AsNoTracking().OrderBy(t => t.Reference).Select(t => new Row
        {
            Id = t.Id, Reference = t.Reference, Title = t.Title, Kind = t.Kind, ValidityMonths = t.ValidityMonths, PassMark = t.PassMark, DocumentId = t.DocumentId, Url = t.Url,
            Questions = db.Set<TrainingQuestion>().Count(q => q.TrainingId == t.Id),
            Assignments = db.Set<TrainingAssignment>().Count(a => a.TrainingId == t.Id),
        }).ToListAsync(ct);
    }
}
