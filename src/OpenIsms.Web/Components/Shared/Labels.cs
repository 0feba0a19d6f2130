namespace OpenIsms.Web.Components.Shared;

/// <summary>Readable words for enum values and stored tags ("OrganisationalUnit" → "Organisational unit").</summary>
public static class Labels
{
    public static string Of(Enum value) => Words(value.ToString());

    public static string Words(string identifier) => Core.Common.Text.Words(identifier);

    /// <summary>Parses a query-string value into an enum, ignoring anything unknown.</summary>
    public static TEnum? Parse<TEnum>(string? value)
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(value, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
