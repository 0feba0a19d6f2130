using System.Globalization;

namespace OpenIsms.Core.Common;

/// <summary>Reading and writing a register's URL query: a value that does not parse is no value; defaults are left out.</summary>
public static class QueryValues
{
    private const string DateFormat = "yyyy-MM-dd";

    public static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static TEnum? Enum<TEnum>(string? value)
        where TEnum : struct, Enum => System.Enum.TryParse<TEnum>(value, true, out var parsed) && System.Enum.IsDefined(parsed) ? parsed : null;

    public static bool True(string? value) => bool.TryParse(value, out var b) && b;

    /// <summary>A day as a date field sends it ("2026-12-05"); anything else is no day.</summary>
    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string? Date(DateOnly? day) => day?.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The page number and size, printed only when they differ from the first page and the register's default size
    /// (25 for most; the treatment plan shows 50).
    /// </summary>
    public static (string, string?)[] Paging(int page, int size, int defaultSize = 25) =>
        [("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null), ("size", size != defaultSize ? size.ToString(CultureInfo.InvariantCulture) : null)];

    /// <summary>"?key=value&amp;…" of the parts that have a value, escaped; "" when none has.</summary>
    public static string Join(IEnumerable<(string Key, string? Value)> parts)
    {
        var query = string.Join('&', parts.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? "" : "?" + query;
    }
}
