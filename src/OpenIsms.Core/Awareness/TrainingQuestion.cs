using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Awareness;

/// <summary>One question of a quiz, written by the organisation: its text, 2 to 6 options (one a line) and the right one.</summary>
[AuditName("TrainingQuestion")]
public sealed class TrainingQuestion : Entity
{
    public const int MinOptions = 2;

    public const int MaxOptions = 6;

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid TrainingId { get; private set; }

    public int Position { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>The options, one a line, in the order shown.</summary>
    public string Options { get; private set; } = "";

    /// <summary>The right option's number, from 1.</summary>
    public int Correct { get; private set; }

    private TrainingQuestion()
    {
    }

    public static TrainingQuestion For(Guid trainingId, int position) => new() { TrainingId = trainingId, Position = position };

    public IReadOnlyList<string> OptionList => Split(Options);

    public static IReadOnlyList<string> Split(string? options) =>
        (options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();

    public Result Update(SaveTrainingQuestion.Command c)
    {
        var options = Split(c.Options);
        var check = new Validation()
            .Required(nameof(Text), c.Text, "Enter the question.")
            .MaxLength(nameof(Text), c.Text, Limits.ShortText, "The question")
            .Must(options.Count is >= MinOptions and <= MaxOptions, nameof(Options), $"Enter {MinOptions} to {MaxOptions} options, one a line (it has {options.Count}).")
            .Must(options.All(o => o.Length <= Limits.Name), nameof(Options), $"Each option must be {Limits.Name} characters or fewer.")
            .Must(options.Distinct(StringComparer.OrdinalIgnoreCase).Count() == options.Count, nameof(Options), "Two options are the same: make each one different.")
            .Must(c.Correct is >= 1 && c.Correct <= Math.Max(options.Count, 1), nameof(Correct), $"Say which option is right: a number from 1 to {Math.Max(options.Count, MinOptions)}.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Text = c.Text!.Trim();
        Options = string.Join('\n', options);
        Correct = c.Correct!.Value;
        return Result.Ok();
    }
}
