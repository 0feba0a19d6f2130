namespace OpenIsms.Core.Data;

/// <summary>
/// What becomes of a record when the record its foreign key points at is deleted, declared by the area that owns the
/// pointing record (so the deleted record's area never reaches into this one's table). Without it, the target cannot be
/// deleted while anything points at it. <see cref="RecordDeletion"/> carries it out through the context, so each change
/// is in the activity log; the database itself only restricts (ADR 23).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class WhenTargetDeletedAttribute(OnTargetDeleted rule) : Attribute
{
    public OnTargetDeleted Rule { get; } = rule;
}
