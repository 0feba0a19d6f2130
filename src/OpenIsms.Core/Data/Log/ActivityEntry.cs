namespace OpenIsms.Core.Data.Log;

/// <summary>
/// One change to one record: who, when, what, before and after. Entries are chained by HMAC-SHA-256 with a key kept
/// outside the database (<see cref="Hash"/> covers the content, <see cref="StateHash"/> and <see cref="PreviousHash"/>),
/// so editing, deleting or forging an entry breaks the chain and the verification shows where. See docs/adr/0012.
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

    /// <summary>
    /// The fingerprint of the record's fields and the SHA-256 of its whole state after the change ("fingerprint:hash";
    /// "" for a deletion, null for an event that changes no record), so a record edited in the database behind the
    /// app's back no longer matches its last entry.
    /// </summary>
    public string? StateHash { get; set; }

    /// <summary>The id of the key that made <see cref="Hash"/>; empty for entries written before the log was keyed.</summary>
    public string KeyId { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

public static class ActivityActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";

    /// <summary>The state of a record that existed before the log recorded states, written once when the log was keyed.</summary>
    public const string Baselined = "Baselined";
}
