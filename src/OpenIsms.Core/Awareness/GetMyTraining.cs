using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Awareness;

/// <summary>The signed-in person's trainings — every one whose audience they are in — with status and due date.</summary>
public sealed class GetMyTraining(OpenIsmsDbContext db)
{
    /// <summary>My work shows trainings due within this many days, or overdue.</summary>
    public const int WorkLeadDays = 30;

    public sealed record Row
    {
        public required Guid TrainingId { get; init; }

        public required string Reference { get; init; }

        public required string Title { get; init; }

        public required TrainingKind Kind { get; init; }

        public required string? Description { get; init; }

        public required DateOnly? Due { get; init; }

        public required DateOnly? LastPassed { get; init; }

        public required TrainingStatus Status { get; init; }

        public required int? ValidityMonths { get; init; }

        public required string? Url { get; init; }

        public required Guid? DocumentId { get; init; }

        public required string? Document { get; init; }
    }

    public sealed record View
    {
        /// <summary>Whether the account is linked to someone on the staff list (trainings are assigned to people).</summary>
        public required bool HasPerson { get; init; }

        public required IReadOnlyList<Row> Trainings { get; init; }

        public DateOnly Today { get; init; }

        /// <summary>The trainings due within <see cref="WorkLeadDays"/> days or overdue.</summary>
        public IEnumerable<Row> DueSoon => Trainings.Where(t => t.Due is { } d && d <= Today.AddDays(WorkLeadDays));
    }

    public async Task<View> Handle(CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return new View { HasPerson = false, Trainings = [] };
        }

        var today = await db.Clock.Today(ct);
        var personId = await db.Set<Person>().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (personId is null)
        {
            return new View { HasPerson = false, Trainings = [], Today = today };
        }

        var entries = await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope { PersonId = personId }, ct);
        var ids = entries.Select(e => e.Training.Id).ToList();
        var details = await (from t in db.Set<Training>().AsNoTracking()
                             where ids.Contains(t.Id)
                             join d in db.Set<ControlledDocument>() on t.DocumentId equals d.Id into docs
                             from d in docs.DefaultIfEmpty()
                             select new { t.Id, t.Description, t.Url, t.DocumentId, Document = d == null ? null : d.Reference + " " + d.Title }).ToDictionaryAsync(x => x.Id, ct);
        var rows = entries.Select(e => new Row
            {
                TrainingId = e.Training.Id, Reference = e.Training.Reference, Title = e.Training.Title, Kind = e.Training.Kind, Description = details[e.Training.Id].Description,
                Due = e.Due, LastPassed = e.LastPassed, Status = e.Status, ValidityMonths = e.Training.ValidityMonths, Url = details[e.Training.Id].Url,
                DocumentId = details[e.Training.Id].DocumentId, Document = details[e.Training.Id].Document,
            })
            .OrderBy(r => r.Status == TrainingStatus.Done).ThenBy(r => r.Due ?? DateOnly.MaxValue).ThenBy(r => r.Reference).ToList();
        return new View { HasPerson = true, Trainings = rows, Today = today };
    }
}
