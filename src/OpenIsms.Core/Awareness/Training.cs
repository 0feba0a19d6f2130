using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>
/// Something people are trained in for awareness and competence (clauses 7.2, 7.3): a course, a briefing, the reading of
/// a controlled document or a quiz the organisation writes. Its validity says how long a completion counts (12 months for
/// annual awareness); without one, completing it once is enough.
/// </summary>
[AuditName("Training")]
public sealed class Training : Entity, IAutoNumbered
{
    public const string Prefix = "TRN-";

    public const int MaxValidityMonths = 120;

    private bool numberedAutomatically;

    public string Reference { get; private set; } = "";

    string IAutoNumbered.ReferencePrefix => Prefix;

    bool IAutoNumbered.NumberedAutomatically => numberedAutomatically;

    public void NumberAutomatically() => numberedAutomatically = true;

    void IAutoNumbered.Renumber(string reference) => Reference = reference;

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public TrainingKind Kind { get; private set; }

    /// <summary>The controlled document to read (for a reading; optional for the others).</summary>
    [WhenTargetDeleted(OnTargetDeleted.Clear)]
    public Guid? DocumentId { get; private set; }

    /// <summary>Where the course or material is, http or https only.</summary>
    public string? Url { get; private set; }

    /// <summary>How many months a completion counts; null: once is enough.</summary>
    public int? ValidityMonths { get; private set; }

    /// <summary>For a quiz: the percentage of right answers needed to pass.</summary>
    public int? PassMark { get; private set; }

    public Result Update(SaveTraining.Command c)
    {
        var url = Text.OrNull(c.Url);
        var check = new Validation()
            .Required(nameof(Title), c.Title, "Enter the training's title.")
            .MaxLength(nameof(Title), c.Title, Limits.Name, "The title")
            .MaxLength(nameof(Description), c.Description, Limits.LongText, "The description")
            .MaxLength(nameof(Url), url, 500, "The address")
            .Must(url is null || Text.IsWebAddress(url), nameof(Url), "Enter a web address starting with http:// or https://, such as https://learning.example.org/course.")
            .Must(c.ValidityMonths is null or (>= 1 and <= MaxValidityMonths), nameof(ValidityMonths), $"Enter how many months a completion counts: 1 to {MaxValidityMonths}, or leave it empty if once is enough.")
            .Must(c.Kind != TrainingKind.Reading || c.DocumentId is not null, nameof(DocumentId), "Choose the document to read.")
            .Must(c.Kind != TrainingKind.Quiz || c.PassMark is >= 1 and <= 100, nameof(PassMark), "Enter the pass mark: a percentage from 1 to 100.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Title = c.Title!.Trim();
        Description = Text.OrNull(c.Description);
        Kind = c.Kind;
        DocumentId = c.DocumentId;
        Url = url;
        ValidityMonths = c.ValidityMonths;
        PassMark = c.Kind == TrainingKind.Quiz ? c.PassMark : null;
        return Result.Ok();
    }


    /// <summary>Whether a person completes it by saying so (a quiz is passed by answering it).</summary>
    public bool SelfAttested => Kind != TrainingKind.Quiz;
}
