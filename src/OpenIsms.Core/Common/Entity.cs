namespace OpenIsms.Core.Common;

/// <summary>
/// A business record. Every change to one is written to the activity log, and its
/// <see cref="Version"/> is the app-kept concurrency token (portable across providers).
/// </summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    /// <summary>Incremented on every save; a stale form's version no longer matches.</summary>
    public int Version { get; internal set; }

    public DateTime CreatedAt { get; internal set; }

    public DateTime UpdatedAt { get; internal set; }

    /// <summary>Display name of the last person to change the record, for conflict messages.</summary>
    public string UpdatedBy { get; internal set; } = "";
}
