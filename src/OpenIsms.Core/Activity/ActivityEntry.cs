namespace OpenIsms.Core.Activity;

/// <summary>
/// One change to one record: who, when, what, before and after. Entries are chained by SHA-256
/// (<see cref="Hash"/> covers the content and <see cref="PreviousHash"/>), so editing or deleting
/// an entry later breaks the chain and the verification shows where.
/// </summary>
public sealed class ActivityEntry
{
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Action { get; set; } = "";

    /// <summary>JSON of the values before the change (null for a creation).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the values after the change (null for a deletion).</summary>
    public string? After { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

public static class ActivityActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
}
