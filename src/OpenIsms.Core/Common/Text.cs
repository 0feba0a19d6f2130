using System.Globalization;
using System.Text;

namespace OpenIsms.Core.Common;

public static class Text
{
    /// <summary>Optional text is stored trimmed, or not at all.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Readable words for an identifier ("OrganisationalUnit" → "Organisational unit", "InTreatment" → "In treatment").</summary>
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

    /// <summary>The first letter upper case ("subcategory" → "Subcategory"); null for no text.</summary>
    public static string? Capitalise(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : char.ToUpper(value.Trim()[0], CultureInfo.InvariantCulture) + value.Trim()[1..];

    /// <summary>An absolute http or https address with a host: the only links OpenIsms stores (no javascript:, no file:).</summary>
    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;
}
