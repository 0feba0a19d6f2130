namespace OpenIsms.Core.Data;

/// <summary>The rules a foreign key can declare with <see cref="WhenTargetDeletedAttribute"/>.</summary>
public enum OnTargetDeleted
{
    /// <summary>The pointing record is a part of, or a link to, the target, and is deleted with it (and its own parts with it).</summary>
    Delete,

    /// <summary>The pointing record stays and forgets the target: its (nullable) foreign key is cleared.</summary>
    Clear,
}
