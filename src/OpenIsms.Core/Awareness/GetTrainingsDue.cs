using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>For the daily digest: each account's trainings due by a date (or overdue), by the one rule of <see cref="TrainingDue"/>.</summary>
public sealed class GetTrainingsDue(OpenIsmsDbContext db)
{
    public sealed record Row
    {
        public required string UserId { get; init; }

        public required Guid TrainingId { get; init; }

        public required string Training { get; init; }

        public required DateOnly Due { get; init; }
    }

    public async Task<IReadOnlyList<Row>> Handle(DateOnly today, DateOnly horizon, CancellationToken ct = default) =>
        (await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope { WithAccount = true }, ct))
            .Where(e => e.Due is { } due && due <= horizon)
            .Select(e => new Row { UserId = e.Person.UserId!, TrainingId = e.Training.Id, Training = $"{e.Training.Reference} {e.Training.Title}", Due = e.Due!.Value })
            .ToList();
}
