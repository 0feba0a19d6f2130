namespace OpenIsms.Core.Common;

/// <summary>
/// The name under which the activity log records an entity, for good. Entries in the keyed chain cannot be rewritten,
/// so the name must outlive the class: rename the class and keep this. Every entity has one, and no two share it
/// (a unit test checks both and that no name in use disappears).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
