using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Reviews;

/// <summary>
/// Writes a frozen review's minutes: what was said on each input, the conclusions on the ISMS's continuing suitability,
/// adequacy and effectiveness (each on its own), the decisions on improvement, the changes and resources needed. With
/// "conclude", every input must be minuted and all three conclusions given; the minutes are then final.
/// </summary>
public sealed class RecordReviewMinutes(OpenIsmsDbContext db)
{
    /// <summary>The inputs of clause 9.3.2, in order, as the pack and the minutes name them.</summary>
    public static readonly IReadOnlyList<string> Inputs = ["a", "b", "c", "d.1", "d.2", "d.3", "d.4", "e", "f", "g"];

    public sealed class Command
    {
        public string? Attendees { get; set; }

        public string? A { get; set; }

        public string? B { get; set; }

        public string? C { get; set; }

        public string? D1 { get; set; }

        public string? D2 { get; set; }

        public string? D3 { get; set; }

        public string? D4 { get; set; }

        public string? E { get; set; }

        public string? F { get; set; }

        public string? G { get; set; }

        public string? Suitability { get; set; }

        public string? Adequacy { get; set; }

        public string? Effectiveness { get; set; }

        public string? ImprovementDecisions { get; set; }

        public string? ChangesNeeded { get; set; }

        public string? ResourceNeeds { get; set; }

        /// <summary>Make the minutes final: every input minuted, the three conclusions given.</summary>
        public bool Conclude { get; set; }

        public int Version { get; set; }

        /// <summary>The minutes per input, by its code.</summary>
        public IReadOnlyDictionary<string, string?> ByInput() => new Dictionary<string, string?>
        {
            ["a"] = A, ["b"] = B, ["c"] = C, ["d.1"] = D1, ["d.2"] = D2, ["d.3"] = D3, ["d.4"] = D4, ["e"] = E, ["f"] = F, ["g"] = G,
        };

        /// <summary>The form's field for an input's code ("d.1" → "D1").</summary>
        public static string Field(string input) => input.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();

        public void Set(string input, string? minutes) => typeof(Command).GetProperty(Field(input))!.SetValue(this, minutes);
    }

    public async Task<Result> Handle(Guid id, Command c, CancellationToken ct = default)
    {
        var (review, failure) = await db.LoadForChange<ManagementReview>(id, c.Version, ReviewPermissions.Hold, ct: ct);
        if (review is null)
        {
            return failure!;
        }

        if (review.State != ReviewState.Frozen)
        {
            return Result.Invalid(new FieldError("", review.State == ReviewState.Scheduled
                ? "Freeze the input pack at the start of the meeting first: the minutes are written against what leadership saw."
                : "The minutes are concluded and final."));
        }

        var minutes = c.ByInput();
        var check = new Validation()
            .MaxLength(nameof(Command.Attendees), c.Attendees, Limits.ShortText, "The attendees");
        foreach (var (input, text) in minutes)
        {
            check.MaxLength(Command.Field(input), text, Limits.LongText, "The minutes");
            if (c.Conclude)
            {
                check.Required(Command.Field(input), text, $"Record what was discussed on input {input}: every input is to be considered.");
            }
        }

        foreach (var (field, text) in new[] { (nameof(Command.Suitability), c.Suitability), (nameof(Command.Adequacy), c.Adequacy), (nameof(Command.Effectiveness), c.Effectiveness),
                     (nameof(Command.ImprovementDecisions), c.ImprovementDecisions), (nameof(Command.ChangesNeeded), c.ChangesNeeded), (nameof(Command.ResourceNeeds), c.ResourceNeeds) })
        {
            check.MaxLength(field, text, Limits.LongText, "The text");
        }

        if (c.Conclude)
        {
            check.Required(nameof(Command.Suitability), c.Suitability, "Conclude on the ISMS's continuing suitability: is it still right for the organisation?")
                .Required(nameof(Command.Adequacy), c.Adequacy, "Conclude on its adequacy: is it enough to meet its requirements?")
                .Required(nameof(Command.Effectiveness), c.Effectiveness, "Conclude on its effectiveness: does it achieve its intended results?")
                .Required(nameof(Command.Attendees), c.Attendees ?? review.Attendees, "Record who attended.");
        }

        if (!check.IsValid)
        {
            return check.ToResult();
        }

        var existing = await db.Set<ReviewInputMinute>().Where(m => m.ReviewId == id).ToListAsync(ct);
        foreach (var (input, text) in minutes)
        {
            var kept = existing.FirstOrDefault(m => m.Input == input);
            if (Text.OrNull(text) is not { } said)
            {
                if (kept is not null)
                {
                    db.Remove(kept);
                }
            }
            else if (kept is null)
            {
                var minute = new ReviewInputMinute { ReviewId = id, Input = input };
                minute.Say(said);
                db.Add(minute);
            }
            else if (kept.Minutes != said)
            {
                kept.Say(said);
            }
        }

        review.Write(c);
        if (c.Conclude)
        {
            review.Conclude(await db.Clock.Today(ct), db.CurrentUser.DisplayName);
        }

        return await db.SaveAsync(ct);
    }
}
