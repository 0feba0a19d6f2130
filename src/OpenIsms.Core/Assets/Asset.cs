using OpenIsms.Core.Common;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Assets;

public enum AssetType
{
    Information,
    Software,
    Hardware,
    Service,
    People,
    Site,
    Supplier,
}

public enum Criticality
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>
/// Something of value to the organisation that the ISMS protects. Its confidentiality, integrity and availability
/// values (1 low … 4 very high) express its own protection need; <see cref="ProtectionNeed"/> adds what it inherits
/// from the assets that depend on it.
/// </summary>
[AuditName("Asset")]
public sealed class Asset : Entity, IAutoNumbered
{
    public const string Prefix = "AST-";

    private bool numberedAutomatically;

    public const int MinValue = 1;
    public const int MaxValue = 4;

    /// <summary>The organisation's own identifier, such as AST-001; unique.</summary>
    public string Reference { get; private set; } = "";

    string IAutoNumbered.ReferencePrefix => Prefix;

    bool IAutoNumbered.NumberedAutomatically => numberedAutomatically;

    /// <summary>The identifier was left blank: the one given now is provisional, the save gives the final one.</summary>
    public void NumberAutomatically() => numberedAutomatically = true;

    void IAutoNumbered.Renumber(string reference) => Reference = reference;

    public string Name { get; private set; } = "";

    public AssetType Type { get; private set; }

    public string? Category { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The accountable person (a user); empty until assigned.</summary>
    public string? OwnerId { get; private set; }

    /// <summary>Who looks after it day to day: a team, a person, a supplier.</summary>
    public string? Custodian { get; private set; }

    public string? Location { get; private set; }

    public string? Classification { get; private set; }

    public int Confidentiality { get; private set; } = 2;

    public int Integrity { get; private set; } = 2;

    public int Availability { get; private set; } = 2;

    public Criticality Criticality { get; private set; } = Criticality.Medium;

    public bool InScope { get; private set; } = true;

    /// <summary>Applies the command's values after checking them; <paramref name="reference"/> is the identifier to give (a placeholder until an automatic number is drawn).</summary>
    public Result Update(SaveAsset.Command d, string reference, IReadOnlyCollection<string> classifications)
    {
        var check = new Validation()
            .Required(nameof(Reference), reference, "Enter the asset's identifier, for example AST-001.")
            .MaxLength(nameof(Reference), reference, 50, "The identifier")
            .Required(nameof(Name), d.Name, "Enter the asset's name.")
            .MaxLength(nameof(Name), d.Name, Limits.Name, "The name")
            .MaxLength(nameof(Category), d.Category, 100, "The category")
            .MaxLength(nameof(Description), d.Description, Limits.LongText, "The description")
            .MaxLength(nameof(Custodian), d.Custodian, Limits.Name, "The custodian")
            .MaxLength(nameof(Location), d.Location, Limits.Name, "The location")
            .Must(Enum.IsDefined(d.Type), nameof(Type), "Choose one of the asset types.")
            .Must(Enum.IsDefined(d.Criticality), nameof(Criticality), "Choose one of the criticality levels.")
            .Must(InRange(d.Confidentiality), nameof(Confidentiality), $"Confidentiality must be between {MinValue} and {MaxValue}.")
            .Must(InRange(d.Integrity), nameof(Integrity), $"Integrity must be between {MinValue} and {MaxValue}.")
            .Must(InRange(d.Availability), nameof(Availability), $"Availability must be between {MinValue} and {MaxValue}.")
            .Must(string.IsNullOrWhiteSpace(d.Classification) || classifications.Contains(d.Classification.Trim(), StringComparer.OrdinalIgnoreCase),
                nameof(Classification), $"Choose one of the classification levels: {string.Join(", ", classifications)}.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Reference = reference.Trim();
        Name = d.Name!.Trim();
        Type = d.Type;
        Category = Text.OrNull(d.Category);
        Description = Text.OrNull(d.Description);
        OwnerId = Text.OrNull(d.OwnerId);
        Custodian = Text.OrNull(d.Custodian);
        Location = Text.OrNull(d.Location);
        Classification = string.IsNullOrWhiteSpace(d.Classification)
            ? null
            : classifications.First(c => string.Equals(c, d.Classification.Trim(), StringComparison.OrdinalIgnoreCase));
        Confidentiality = d.Confidentiality;
        Integrity = d.Integrity;
        Availability = d.Availability;
        Criticality = d.Criticality;
        InScope = d.InScope;
        return Result.Ok();
    }

    /// <summary>Follows a renamed classification level.</summary>
    internal void Reclassify(string classification) => Classification = classification;

    public static bool InRange(int value) => value is >= MinValue and <= MaxValue;

    public static string ValueLabel(int value) => value switch
    {
        1 => "Low",
        2 => "Medium",
        3 => "High",
        4 => "Very high",
        _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>One asset relies on another (an application runs on a server, a process uses an application).</summary>
[AuditName("AssetDependency")]
public sealed class AssetDependency : Entity
{
    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid AssetId { get; private set; }

    [WhenTargetDeleted(OnTargetDeleted.Delete)]
    public Guid DependsOnId { get; private set; }

    public string? Note { get; private set; }

    public static Result<AssetDependency> Create(Guid assetId, Guid dependsOnId, string? note)
    {
        var check = new Validation()
            .Must(assetId != dependsOnId, nameof(DependsOnId), "An asset cannot depend on itself.")
            .MaxLength(nameof(Note), note, Limits.ShortText, "The note");
        if (!check.IsValid)
        {
            return Result<AssetDependency>.From(check.ToResult());
        }

        return new AssetDependency { AssetId = assetId, DependsOnId = dependsOnId, Note = Text.OrNull(note) };
    }
}

/// <summary>A level of the organisation's information classification scheme, ordered by rank.</summary>
[AuditName("ClassificationLevel")]
public sealed class ClassificationLevel : Entity
{
    public static readonly string[] Defaults = ["Public", "Internal", "Confidential", "Restricted"];

    public string Name { get; private set; } = "";

    public int Rank { get; private set; }

    public string? Description { get; private set; }

    public Result Update(string name, int rank, string? description)
    {
        var check = new Validation()
            .Required(nameof(Name), name, "Enter the level's name.")
            .MaxLength(nameof(Name), name, 50, "The name")
            .MaxLength(nameof(Description), description, Limits.ShortText, "The description")
            .Must(rank is >= 1 and <= 20, nameof(Rank), "The rank must be between 1 and 20.");
        if (!check.IsValid)
        {
            return check.ToResult();
        }

        Name = name.Trim();
        Rank = rank;
        Description = Text.OrNull(description);
        return Result.Ok();
    }
}
