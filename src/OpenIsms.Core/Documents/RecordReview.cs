using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Documents;

/// <summary>
/// Records a periodic review of the version in force — "reviewed, no change" — with who, when and a note, and moves the
/// next review date (by the review interval unless another date is given) without a new version.
/// </summary>
public sealed class RecordReview(OpenIsmsDbContext db)
{
    public sealed class Command
    {
        public Guid DocumentId { get; set; }

        public string? Note { get; set; }

        public DateOnly? NextReview { get; set; }

        public int Version { get; set; }
    }

    public async Task<Result> Handle(Command c, CancellationToken ct = default)
    {
        var (document, failure) = await db.LoadForChange<ControlledDocument>(c.DocumentId, c.Version, DocumentPermissions.Edit, ct: ct);
        if (document is null || db.CurrentUser.UserId is not { } userId)
        {
            return failure ?? Result.Forbidden();
        }

        var today = await db.Clock.Today(ct);
        var next = c.NextReview ?? today.AddMonths(document.ReviewIntervalMonths);
        var check = new Validation()
            .Must(document.CurrentVersionId is not null, "", "The document has no approved version yet: approve one before reviewing it.")
            .Must(next > today, nameof(Command.NextReview), "The next review must be after today.")
            .Must(next <= today.AddMonths(ControlledDocument.MaxReviewMonths), nameof(Command.NextReview), $"The next review must be within {ControlledDocument.MaxReviewMonths} months.")
            .MaxLength(nameof(Command.Note), c.Note, Limits.ShortText, "The note");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        db.Add(DocumentReview.Record(document, userId, db.Clock.UtcNow, c.Note, next));
        document.Reviewed(next);
        return await db.SaveAsync(ct);
    }
}
