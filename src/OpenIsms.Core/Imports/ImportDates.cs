using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenIsms.Core.Imports;

/// <summary>How the numeric dates of one column are ordered, decided from all its values.</summary>
public enum DateOrder
{
    /// <summary>No value needs an order: ISO dates (2026-07-01), month names, workbook dates, or none at all.</summary>
    NotNeeded,

    /// <summary>Some value has a first part above 12 (31/12/2026), none a second: day first.</summary>
    DayFirst,

    /// <summary>Some value has a second part above 12 (12/31/2026), none a first: month first.</summary>
    MonthFirst,

    /// <summary>Every numeric value has both parts at most 12 (03/04/2026): only the person can say.</summary>
    Ambiguous,

    /// <summary>Values point both ways: the column mixes orders, and the person must choose.</summary>
    Mixed,
}

/// <summary>
/// Reads dates as people write them: 2026-07-01, 1.7.2026, 01/07/2026, 1 July 2026, or a workbook's date number. The
/// order of day and month in numeric dates is found from the whole column and, where the values cannot tell, asked.
/// </summary>
public static partial class ImportDates
{
    /// <summary>The order the column's values show, or that they leave open.</summary>
    public static DateOrder Detect(IEnumerable<string> values)
    {
        bool dayFirst = false, monthFirst = false, numeric = false, dotsOnly = true;
        foreach (var value in values)
        {
            var m = Numeric().Match(value.Trim());
            if (!m.Success)
            {
                continue;
            }

            numeric = true;
            dotsOnly &= m.Groups["sep"].Value == ".";
            var first = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
            dayFirst |= first > 12 && second <= 12;
            monthFirst |= second > 12 && first <= 12;
        }

        return !numeric ? DateOrder.NotNeeded
            : dayFirst && monthFirst ? DateOrder.Mixed
            : dayFirst ? DateOrder.DayFirst
            : monthFirst ? DateOrder.MonthFirst
            // Dotted dates (1.7.2026) are written day first wherever dots are used; no convention puts the month first.
            : dotsOnly ? DateOrder.DayFirst
            : DateOrder.Ambiguous;
    }

    /// <summary>The date, or null when the text is not one (or is impossible in the given order).</summary>
    public static DateOnly? Read(string text, bool? dayFirst)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var iso = Iso().Match(text);
        if (iso.Success)
        {
            return Make(int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture));
        }

        var numeric = Numeric().Match(text);
        if (numeric.Success)
        {
            if (dayFirst is null)
            {
                return null;
            }

            var a = int.Parse(numeric.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(numeric.Groups["b"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(numeric.Groups["y"].Value, CultureInfo.InvariantCulture);
            year = year < 100 ? 2000 + year : year;
            return dayFirst.Value ? Make(year, b, a) : Make(year, a, b);
        }

        // A workbook's date number (days since 1899-12-30), when the cell was not formatted as a date.
        if (Serial().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        // Month names ("1 July 2026", "Jul 1, 2026") are unambiguous.
        return text.Any(char.IsLetter) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var named) ? DateOnly.FromDateTime(named) : null;
    }

    /// <summary>Whether the text is a numeric date whose order matters (both parts could be a month).</summary>
    public static bool NeedsOrder(string text) => Numeric().Match(text.Trim()) is { Success: true } m
        && int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture) <= 12 && int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture) <= 12;

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ][\d:.]+Z?)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?: [\d:]+)?$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^\d{5}(?:\.\d+)?$")]
    private static partial Regex Serial();
}
