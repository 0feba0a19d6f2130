using OpenIsms.Core.Common;

namespace OpenIsms.Core.Data;

/// <summary>The identifier <see cref="RecordChange.ChooseReference{T}"/> settled on, and why it cannot be used, if so.</summary>
public sealed record ChosenReference
{
    /// <summary>What the record is validated and stored with now (a placeholder when numbered automatically).</summary>
    public required string Reference { get; init; }

    /// <summary>The identifier was left blank on a new record: the save gives it the next number.</summary>
    public required bool Automatic { get; init; }

    /// <summary>Another record of the kind already has the typed identifier.</summary>
    public FieldError? Clash { get; init; }
}
