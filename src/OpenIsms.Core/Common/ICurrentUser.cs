namespace OpenIsms.Core.Common;

/// <summary>The person on whose behalf a use case runs.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    string DisplayName { get; }

    bool Has(string permission);
}

/// <summary>The identity used for start-up work such as loading the catalogue.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    public string? UserId => null;

    public string DisplayName => "System";

    public bool Has(string permission) => true;
}
