using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;
using OpenIsms.Core.Documents;

namespace OpenIsms.Core.Awareness;

/// <summary>Adds or edits a training; a new one is numbered TRN-001, TRN-002, …</summary>
public sealed class SaveTraining(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid? Id { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public TrainingKind Kind { get; set; }

        public Guid? DocumentId { get; set; }

        public string? Url { get; set; }

        public int? ValidityMonths { get; set; }

        public int? PassMark { get; set; }

        public int Version { get; set; }

        public static Command From(Training t) => new()
        {
            Id = t.Id, Title = t.Title, Description = t.Description, Kind = t.Kind, DocumentId = t.DocumentId, Url = t.Url,
            ValidityMonths = t.ValidityMonths, PassMark = t.PassMark, Version = t.Version,
        };
    }

    public async Task<Result<Guid>> Handle(Command c, CancellationToken ct = default)
    {
        var (training, failure) = await db.LoadOrCreate(c.Id, c.Version, AwarenessPermissions.Edit, () => new Training(), ct: ct);
        if (training is null)
        {
            return Result<Guid>.From(failure!);
        }

        var result = training.Update(c);
        if (result.Succeeded && c.DocumentId is { } documentId && !await db.Set<ControlledDocument>().AnyAsync(d => d.Id == documentId, ct))
        {
            result = Result.Invalid(new FieldError(nameof(Command.DocumentId), "Choose the document from the list."));
        }

        if (!result.Succeeded)
        {
            return Result<Guid>.From(result);
        }

        if (c.Id is null)
        {
            training.NumberAutomatically();
            ((IAutoNumbered)training).Renumber(Training.Prefix + "000");
            db.Add(training);
        }

        result = await db.SaveAsync(ct);
        return result.Succeeded ? training.Id : Result<Guid>.From(result);
    }
}
