using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.People;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// Records one completion: through the API (a person named by id or e-mail, by someone who may edit trainings), or by
/// the signed-in person themselves ("I have completed this", for anything but a quiz, which is passed by answering it).
/// </summary>
public sealed class RecordCompletion(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid TrainingId { get; set; }

        public Guid? PersonId { get; set; }

        /// <summary>Instead of the id: the person's e-mail address on the staff list.</summary>
        public string? Email { get; set; }

        public DateOnly? CompletedOn { get; set; }

        /// <summary>SelfAttested or Attendance (a quiz is recorded by taking it).</summary>
        public CompletionMethod Method { get; set; } = CompletionMethod.Attendance;
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Has(AwarenessPermissions.Edit))
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var training = await db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == c.TrainingId, ct);
        if (training is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        var email = Text.OrNull(c.Email)?.ToLowerInvariant();
        var personId = c.PersonId ?? (email is null ? null : await db.Set<Person>().Where(p => p.Email == email).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct));
        if (personId is null)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError(c.PersonId is null && email is not null ? nameof(Command.Email) : nameof(Command.PersonId),
                email is not null ? $"Nobody on the staff list has the e-mail address {email}." : "Name the person: their id or e-mail address.")));
        }

        if (c.Method == CompletionMethod.Quiz)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError(nameof(Command.Method), "A quiz is recorded by taking it: record SelfAttested or Attendance.")));
        }

        return await Record(training, personId.Value, c.CompletedOn, c.Method, nameof(Command.PersonId), ct);
    }

    /// <summary>The signed-in person says they completed one of their trainings today.</summary>
    public async Task<Result<Guid>> Mine(Guid trainingId, CancellationToken ct = default)
    {
        if (db.CurrentUser.UserId is not { } userId)
        {
            return Result<Guid>.From(Result.Forbidden());
        }

        var training = await db.Set<Training>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == trainingId, ct);
        var person = await db.Set<Person>().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (training is null || person is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        if (!training.SelfAttested)
        {
            return Result<Guid>.From(Result.Fail("A quiz is completed by answering its questions."));
        }

        return await Record(training, person.Value, await db.Clock.Today(ct), CompletionMethod.SelfAttested, "", ct);
    }

    private async Task<Result<Guid>> Record(Training training, Guid personId, DateOnly? on, CompletionMethod method, string personField, CancellationToken ct)
    {
        var today = await db.Clock.Today(ct);
        var person = (await CompletionRules.People(db, [personId], ct)).SingleOrDefault();
        if (person is null)
        {
            return Result<Guid>.From(Result.Invalid(new FieldError(personField, "Choose the person from the staff list.")));
        }

        var audience = await CompletionRules.Audience(db, training.Id, personId, today, ct);
        var errors = new[] { CompletionRules.Day(on, today, nameof(Command.CompletedOn)), CompletionRules.Person(person, audience, training, today, personField) }
            .OfType<FieldError>().ToList();
        if (errors.Count > 0)
        {
            return Result<Guid>.From(Result.Invalid(errors));
        }

        var completion = TrainingCompletion.Record(training.Id, person.Id, person.Name, on!.Value, method, db.CurrentUser.DisplayName);
        db.Add(completion);
        var saved = await db.SaveAsync(ct);
        return saved.Succeeded ? completion.Id : Result<Guid>.From(saved);
    }
}
