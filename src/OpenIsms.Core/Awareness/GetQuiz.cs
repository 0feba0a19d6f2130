using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>A quiz as the person taking it sees it: the questions and options without the right answers, and a new one-time attempt id for the form.</summary>
public sealed class GetQuiz(OpenIsmsDbContext db)
{
    public sealed record Question
    {
        public required Guid Id { get; init; }

        public required int Number { get; init; }

        public required string Text { get; init; }

        public required IReadOnlyList<string> Options { get; init; }
    }

    public sealed record View
    {
        public required GetMyTraining.Row Training { get; init; }

        public required int PassMark { get; init; }

        public required IReadOnlyList<Question> Questions { get; init; }

        public required Guid AttemptId { get; init; }
    }

    /// <summary>The quiz, if it is one of the signed-in person's trainings; null otherwise.</summary>
    public async Task<View?> Handle(Guid trainingId, CancellationToken ct = default)
    {
        var mine = await new GetMyTraining(db).Handle(ct);
        if (mine.Trainings.FirstOrDefault(t => t.TrainingId == trainingId && t.Kind == TrainingKind.Quiz) is not { } row)
        {
            return null;
        }

        var passMark = await db.Set<Training>().Where(t => t.Id == trainingId).Select(t => t.PassMark).FirstAsync(ct) ?? 100;
        var questions = (await db.Set<TrainingQuestion>().AsNoTracking().Where(q => q.TrainingId == trainingId).OrderBy(q => q.Position)
                .Select(q => new { q.Id, q.Text, q.Options }).ToListAsync(ct))
            .Select((q, i) => new Question { Id = q.Id, Number = i + 1, Text = q.Text, Options = TrainingQuestion.Split(q.Options) }).ToList();
        return new View { Training = row, PassMark = passMark, Questions = questions, AttemptId = Guid.NewGuid() };
    }

    /// <summary>The right option's text for the questions named, shown after a passed attempt only (a failed one keeps them for the next try).</summary>
    public async Task<Dictionary<Guid, string>> RightAnswers(Guid trainingId, IReadOnlyList<Guid> questionIds, CancellationToken ct = default) =>
        (await db.Set<TrainingQuestion>().AsNoTracking().Where(q => q.TrainingId == trainingId && questionIds.Contains(q.Id)).ToListAsync(ct))
        .ToDictionary(q => q.Id, q => q.OptionList.ElementAtOrDefault(q.Correct - 1) ?? "");
}
