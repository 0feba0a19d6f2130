using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Notifications;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// Mails everyone in an assignment's audience who is overdue and has an e-mail address — at most once a day each (a
/// reminder of the training already sent today, from any of its assignments, is not sent again).
/// </summary>
public sealed class SendTrainingReminders(OpenIsmsDbContext db)
{
    public sealed class Sent
    {
        public required int Mailed { get; init; }

        public required int AlreadyToday { get; init; }
    }

    /// <param name="link">The address of "My training", for the mail.</param>
    public async Task<Result<Sent>> Handle(Guid assignmentId, string link, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Edit))
        {
            return Result<Sent>.From(Result.Forbidden());
        }

        var assignment = await db.Set<TrainingAssignment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null)
        {
            return Result<Sent>.From(Result.NotFound());
        }

        var today = await db.Clock.Today(ct);
        var overdue = (await AwarenessRoster.Load(db, today, new AwarenessRoster.Scope { TrainingId = assignment.TrainingId }, ct))
            .Where(e => e.AssignmentIds.Contains(assignmentId) && e.Status == TrainingStatus.Overdue && e.Person.Email is not null).ToList();
        var reminded = (await db.Set<TrainingReminder>().Where(r => r.TrainingId == assignment.TrainingId && r.Day == today).Select(r => r.PersonId).ToListAsync(ct)).ToHashSet();
        var toMail = overdue.Where(e => !reminded.Contains(e.Person.Id)).ToList();
        if (toMail.Count == 0)
        {
            return Result<Sent>.From(Result.Fail(overdue.Count == 0
                ? "Nobody with an e-mail address is overdue."
                : $"Everyone overdue with an e-mail address ({overdue.Count}) was already reminded today."));
        }

        foreach (var e in toMail)
        {
            db.Add(TrainingReminder.On(assignment.TrainingId, e.Person.Id, today));
            db.QueueMail(AwarenessMail.Reminder(e.Person.Email!, e.Person.Name, $"{e.Training.Reference} {e.Training.Title}", e.Due!.Value, e.Person.UserId is not null, link),
                AwarenessMail.ReminderKind, assignment.TrainingId);
        }

        var saved = await db.SaveAsync(ct);
        return saved.Succeeded
            ? new Sent { Mailed = toMail.Count, AlreadyToday = overdue.Count - toMail.Count }
            : Result<Sent>.From(saved.Kind == ResultKind.Invalid ? Result.Fail("Someone sent these reminders a moment ago: nobody is reminded twice in a day.") : saved);
    }
}
