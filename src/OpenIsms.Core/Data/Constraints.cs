using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace OpenIsms.Core.Data;

/// <summary>
/// Recognises a constraint the database refused a save for, on either provider, so that it reaches the user as a
/// clear message rather than an error page: a value that must be unique (PostgreSQL 23505, SQLite's UNIQUE), or a
/// record the save refers to that was deleted meanwhile (23503, SQLite's FOREIGN KEY).
/// </summary>
public static partial class Constraints
{
    public static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is DbException db && (db.SqlState == "23505" || (db.SqlState is null && db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)));

    public static bool IsMissingReference(DbUpdateException ex) =>
        ex.InnerException is DbException db && (db.SqlState == "23503" || (db.SqlState is null && db.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal)));

    /// <summary>The field a unique constraint guards ("Reference"), from the index name or SQLite's "Table.Column".</summary>
    public static string FieldOf(DbUpdateException ex)
    {
        var message = ex.InnerException?.Message ?? "";
        var match = SqliteColumn().Match(message);
        if (match.Success)
        {
            return match.Groups[1].Value;
        }

        match = PostgresIndex().Match(message);
        return match.Success ? match.Groups[1].Value : "";
    }

    [GeneratedRegex(@"UNIQUE constraint failed: [A-Za-z]+\.([A-Za-z]+)")]
    private static partial Regex SqliteColumn();

    [GeneratedRegex("\"IX_[A-Za-z]+_([A-Za-z]+)\"")]
    private static partial Regex PostgresIndex();
}
