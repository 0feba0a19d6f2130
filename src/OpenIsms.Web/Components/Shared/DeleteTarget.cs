namespace OpenIsms.Web.Components.Shared;

/// <summary>A register's Delete button submits "id:version", so deleting a row someone just changed is caught too.</summary>
public static class DeleteTarget
{
    public static string Of(Guid id, int version) => $"{id}:{version}";

    public static bool TryParse(string? value, out Guid id, out int version)
    {
        var parts = (value ?? "").Split(':');
        version = 0;
        id = Guid.Empty;
        return parts.Length == 2 && Guid.TryParse(parts[0], out id) && int.TryParse(parts[1], out version);
    }
}
