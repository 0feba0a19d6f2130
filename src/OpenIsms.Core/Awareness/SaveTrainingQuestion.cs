using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>Adds a question to a quiz, or edits one: the text, the options one a line, and which one is right.</summary>
public sealed class SaveTrainingQuestion(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid TrainingId { get; set; }

        public Guid? Id { get; set; }

        public string? Text { get; set; }

        /// <summary>The options, one a line.</summary>
        public string? Options { get; set; }

        /// <summary>The right option's number, from 1.</summary>
        public int? Correct { get; set; }

        public int Version { get; set; }

        public static Command From(TrainingQuestion q) => new()
        {
            TrainingId = q.TrainingId, Id = q.Id, Text = q.Text, Options = q.Options, Correct = q.Correct, Version = q.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var training = await db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == c.TrainingId, ct);
        if (!db.CurrentUser.Has(AwarenessPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        if (training is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        if (training.Kind != TrainingKind.Quiz)
        {
            return Result<Guid>.From(Result.Fail("Only a quiz has questions: change the training's kind to Quiz first."));
        }

        var next = await db.Set<TrainingQuestion>().Where(q => q.TrainingId == c.TrainingId).MaxAsync(q => (int?)q.Position, ct) ?? 0;
        var (question, failure) = await db.LoadOrCreate(c.Id, c.Version, AwarenessPermissions.Edit, () => TrainingQuestion.For(c.TrainingId, next + 1),
            q => q.TrainingId == c.TrainingId, ct);
        if (question is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = question.Update(c);
        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            db.Add(question);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? question.Id : Result<Guid>.From(result);
    }
}
