using System.Text.Json;
using System.Text.Json.Serialization;
using OpenIsms.Core.Common;

namespace OpenIsms.Core.Risks;

public enum ImpactMode
{
    /// <summary>One impact rating per assessment.</summary>
    Single,

    /// <summary>A rating per impact area (financial, operational …); the highest counts.</summary>
    PerArea,

    /// <summary>A rating for confidentiality, integrity and availability; the highest counts.</summary>
    PerCia,
}

/// <summary>One level of a likelihood or impact scale; levels are numbered 1…n in order.</summary>
public sealed record ScaleLevel(string Label, string? Description);

/// <summary>A risk level (Low, Medium, High …) with its colour; levels are ordered from lowest to highest.</summary>
public sealed record RiskLevel(string Name, string Colour, string? Description);

/// <summary>
/// What a risk methodology says: the scales, how impact is rated, which level each cell of the matrix is, and the
/// highest level that may be accepted without management approval. Stored as JSON on its version.
/// </summary>
public sealed record MethodologyDefinition
{
    public IReadOnlyList<ScaleLevel> Likelihood { get; init; } = [];

    public IReadOnlyList<ScaleLevel> Impact { get; init; } = [];

    public ImpactMode ImpactMode { get; init; }

    public IReadOnlyList<string> ImpactAreas { get; init; } = [];

    public IReadOnlyList<RiskLevel> Levels { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<int>> Matrix { get; init; } = [];

    public int AcceptanceThreshold { get; init; }

    public int ReviewIntervalMonths { get; init; }

    public const int MinScale = 3;
    public const int MaxScale = 7;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly string[] CiaAreas = ["Confidentiality", "Integrity", "Availability"];

    /// <summary>The areas an assessment rates impact in: one unnamed area, the configured areas, or C, I and A.</summary>
    public IReadOnlyList<string> RatedAreas => ImpactMode switch
    {
        ImpactMode.PerArea => ImpactAreas,
        ImpactMode.PerCia => CiaAreas,
        _ => ["Impact"],
    };

    /// <summary>The risk level index (0-based into <see cref="Levels"/>) of a likelihood and impact, both 1-based.</summary>
    public int LevelOf(int likelihood, int impact) => Matrix[likelihood - 1][impact - 1];

    public bool IsAcceptable(int level) => level <= AcceptanceThreshold;

    /// <summary>A 5 × 5 matrix with four levels, accepting Low and Medium: the default for a new installation.</summary>
    public static MethodologyDefinition Default() => new()
    {
        Likelihood =
        [
            new("Rare", "May happen only in exceptional circumstances; less than once in ten years."),
            new("Unlikely", "Could happen; about once in five to ten years."),
            new("Possible", "Might happen; about once in one to five years."),
            new("Likely", "Will probably happen; about once a year."),
            new("Almost certain", "Expected to happen; several times a year."),
        ],
        Impact =
        [
            new("Negligible", "No noticeable effect; handled in the normal course of work."),
            new("Minor", "Small, short disruption or loss; no customer or regulator involvement."),
            new("Moderate", "Noticeable disruption or loss; some customers affected; internal escalation."),
            new("Major", "Serious disruption, financial loss or breach of contract; customers or a regulator involved."),
            new("Severe", "Threatens the organisation's existence, licence to operate or people's safety."),
        ],
        ImpactMode = ImpactMode.PerArea,
        ImpactAreas = ["Financial", "Operational", "Reputational", "Legal and regulatory", "Health and safety"],
        Levels =
        [
            new("Low", "#2e7d32", "Accept and monitor."),
            new("Medium", "#f9a825", "Treat where cost-effective; the owner may accept."),
            new("High", "#ef6c00", "Treat with priority; acceptance needs management approval."),
            new("Critical", "#c62828", "Treat immediately; acceptance needs management approval."),
        ],
        // rows: likelihood 1..5; columns: impact 1..5; values: level index
        Matrix =
        [
            [0, 0, 0, 1, 1],
            [0, 0, 1, 1, 2],
            [0, 1, 1, 2, 2],
            [1, 1, 2, 2, 3],
            [1, 2, 2, 3, 3],
        ],
        AcceptanceThreshold = 1,
        ReviewIntervalMonths = 12,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MethodologyDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<MethodologyDefinition>(json, Json) ?? throw new InvalidOperationException("Empty methodology definition.");

    /// <summary>Checks the definition is complete and consistent; messages name the part that is wrong.</summary>
    public Result Validate()
    {
        var v = new Validation()
            .Must(Likelihood.Count is >= MinScale and <= MaxScale, nameof(Likelihood), $"The likelihood scale needs {MinScale} to {MaxScale} levels.")
            .Must(Impact.Count is >= MinScale and <= MaxScale, nameof(Impact), $"The impact scale needs {MinScale} to {MaxScale} levels.")
            .Must(Likelihood.All(l => !string.IsNullOrWhiteSpace(l.Label) && l.Label.Length <= 60), nameof(Likelihood), "Every likelihood level needs a label of up to 60 characters.")
            .Must(Impact.All(l => !string.IsNullOrWhiteSpace(l.Label) && l.Label.Length <= 60), nameof(Impact), "Every impact level needs a label of up to 60 characters.")
            .Must(Likelihood.Concat(Impact).All(l => (l.Description?.Length ?? 0) <= Limits.ShortText), nameof(Impact), $"Level descriptions must be {Limits.ShortText} characters or fewer.")
            .Must(Levels.Count is >= 2 and <= 6, nameof(Levels), "Define between 2 and 6 risk levels.")
            .Must(Levels.All(l => !string.IsNullOrWhiteSpace(l.Name) && l.Name.Length <= 40), nameof(Levels), "Every risk level needs a name of up to 40 characters.")
            .Must(Levels.All(l => IsColour(l.Colour)), nameof(Levels), "Every risk level needs a colour written as #rrggbb.")
            .Must(Levels.Select(l => l.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == Levels.Count, nameof(Levels), "Two risk levels have the same name.")
            .Must(ImpactMode != ImpactMode.PerArea || ImpactAreas.Count is >= 2 and <= 8, nameof(ImpactAreas), "Rating impact per area needs 2 to 8 impact areas.")
            .Must(ImpactAreas.All(a => !string.IsNullOrWhiteSpace(a) && a.Length <= 60), nameof(ImpactAreas), "Every impact area needs a name of up to 60 characters.")
            .Must(AcceptanceThreshold >= 0 && AcceptanceThreshold < Levels.Count, nameof(AcceptanceThreshold), "Choose the highest risk level that may be accepted.")
            .Must(ReviewIntervalMonths is >= 1 and <= 36, nameof(ReviewIntervalMonths), "The review interval must be between 1 and 36 months.");
        var matrixShape = Matrix.Count == Likelihood.Count && Matrix.All(r => r.Count == Impact.Count);
        v.Must(matrixShape, nameof(Matrix), "The matrix needs a cell for every likelihood and impact.");
        if (matrixShape)
        {
            v.Must(Matrix.All(r => r.All(c => c >= 0 && c < Levels.Count)), nameof(Matrix), "Every cell of the matrix needs a risk level.");
        }

        return v.ToResult();
    }

    private static bool IsColour(string? colour) =>
        colour is { Length: 7 } && colour[0] == '#' && colour.Skip(1).All(Uri.IsHexDigit);
}
