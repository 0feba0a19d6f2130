using System.Globalization;
using System.Text;

namespace OpenIsms.Web.Components.Shared;

/// <summary>Readable words for enum values and stored tags ("OrganisationalUnit" → "Organisational unit").</summary>
public static class Labels
{
    public static string Of(Enum value) => Words(value.ToString());

    public static string Words(string identifier)
    {
        var text = new StringBuilder(identifier.Length + 8);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (c == '_')
            {
                text.Append(' ');
            }
            else if (i > 0 && char.IsUpper(c) && char.IsLower(identifier[i - 1]))
            {
                text.Append(' ').Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>Parses a query-string value into an enum, ignoring anything unknown.</summary>
    public static TEnum? Parse<TEnum>(string? value)
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(value, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
