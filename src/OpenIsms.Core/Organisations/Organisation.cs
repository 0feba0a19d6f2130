using OpenIsms.Core.Common;

namespace OpenIsms.Core.Organisations;

/// <summary>The organisation whose ISMS this installation holds (one per installation).</summary>
public sealed class Organisation : Entity
{
    private Organisation()
    {
    }

    public Organisation(string name) => Name = name.Trim();

    public string Name { get; private set; } = "";

    public void Rename(string name) => Name = name.Trim();
}
