using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// The signed-in person's answers to a quiz: scored on the server, recorded as an attempt (passed or not) under the
/// one-time id the form was rendered with, so posting the same form twice records nothing more.
/// </summary>
public sealed class SubmitQuiz(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid TrainingId { get; set; }

        public Guid AttemptId { get; set; }

        /// <summary>The option chosen (from 1) for each question, by the question's id.</summary>
        public Dictionary<Guid, int>? Answers { get; set; } = [];
    }

    public sealed class Outcome
    {
        public required int Score { get; init; }

        public required bool Passed { get; init; }

        public required int PassMark { get; init; }

        public required IReadOnlyList<Guid> Wrong { get; init; }
    }

    /// <summary>The field a question's message goes beside.</summary>
    public static string FieldOf(Guid questionId) => "q-" + questionId.ToString("N");

    public async Task<Result<Outcome>> Handle(Command c, CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return Result<Outcome>.From(Result.Forbidden());
        }

        var training = await db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == c.TrainingId && t.Kind == TrainingKind.Quiz, ct);
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new CompletionRules.Who { Id = p.Id, Name = p.Name, LeavingDate = p.LeavingDate }).FirstOrDefaultAsync(ct);
        if (training is null || person is null)
        {
            return Result<Outcome>.From(Result.NotFound());
        }

        if (c.AttemptId == Guid.Empty)
        {
            return Result<Outcome>.From(Result.Fail("The form has expired: open the quiz again."));
        }

        if (await Recorded(c.AttemptId, ct) is { } earlier)
        {
            return Result<Outcome>.From(earlier);
        }

        var today = await db.Clock.Today(ct);
        var audience = await CompletionRules.Audience(db, training.Id, person.Id, today, ct);
        if (CompletionRules.Person(person, audience, training, today, "") is { } refused)
        {
            return Result<Outcome>.From(Result.Invalid(refused));
        }

        var questions = await db.Set<TrainingQuestion>().AsNoTracking().Where(q => q.TrainingId == training.Id).OrderBy(q => q.Position)
            .Select(q => new { q.Id, q.Correct, q.Options }).ToListAsync(ct);
        var answers = c.Answers ?? [];
        var unanswered = questions.Select((q, i) => (q, i))
            .Where(x => !answers.TryGetValue(x.q.Id, out var chosen) || chosen < 1 || chosen > TrainingQuestion.Split(x.q.Options).Count)
            .Select(x => new FieldError(FieldOf(x.q.Id), $"Answer question {x.i + 1}.")).ToList();
        if (questions.Count == 0 || unanswered.Count > 0)
        {
            return Result<Outcome>.From(Result.Invalid(questions.Count == 0 ? [new FieldError("", "This quiz has no questions yet.")] : unanswered));
        }

        var marked = Quiz.Score(questions.Select(q => (q.Id, q.Correct)).ToList(), answers, training.PassMark ?? 100);
        db.Add(TrainingCompletion.Attempt(training.Id, person.Id, person.Name, today, marked, c.AttemptId, db.CurrentUser.DisplayName));
        var saved = await db.SaveAsync(ct);
        if (!saved.Succeeded)
        {
            // The same form posted twice at once: the unique attempt id let only the other post record it.
            return Result<Outcome>.From(await Recorded(c.AttemptId, ct) ?? saved);
        }

        return new Outcome { Score = marked.Score, Passed = marked.Passed, PassMark = training.PassMark ?? 100, Wrong = marked.Wrong };
    }

    private async Task<Result?> Recorded(Guid attemptId, CancellationToken ct)
    {
        var earlier = await db.Set<TrainingCompletion>().AsNoTracking().Where(x => x.AttemptId == attemptId).Select(x => new { x.CompletedOn, x.Score }).FirstOrDefaultAsync(ct);
        return earlier is null ? null
            : Result.Fail($"These answers were already recorded on {earlier.CompletedOn:d MMMM yyyy} (score {earlier.Score}%). Nothing was changed; open the quiz again for a new attempt.");
    }
}
