using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>Where the organisation stands on awareness (clause 7.3), for the readiness checklist.</summary>
public sealed class GetAwarenessFacts(OpenIsmsDbContext db, AwarenessRosterCache roster)
{
    public sealed record Facts
    {
        public required int Trainings { get; init; }

        public required int Assignments { get; init; }

        /// <summary>People still employed in the audience of at least one training.</summary>
        public required int PeopleInAudience { get; init; }

        /// <summary>Person-trainings in date out of all person-trainings, in whole percent.</summary>
        public required int CompletionRate { get; init; }

        /// <summary>People overdue for at least one training.</summary>
        public required int PeopleOverdue { get; init; }
    }

    public async Task<Facts?> Handle(CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Read))
        {
            return null;
        }

        var today = await db.Clock.Today(ct);
        var trainings = await db.Set<Training>().CountAsync(ct);
        var assignments = await db.Set<TrainingAssignment>().CountAsync(ct);
        var entries = await roster.Everyone(db, today, ct);
        return new Facts
        {
            Trainings = trainings,
            Assignments = assignments,
            PeopleInAudience = entries.Select(e => e.Person.Id).Distinct().Count(),
            CompletionRate = Rate.Of(entries).Percent,
            PeopleOverdue = entries.Where(e => e.Status == TrainingStatus.Overdue).Select(e => e.Person.Id).Distinct().Count(),
        };
    }
}
