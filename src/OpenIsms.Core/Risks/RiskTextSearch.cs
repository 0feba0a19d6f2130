using Microsoft.EntityFrameworkCore;
using OpenIsms.Core.Data;

namespace OpenIsms.Core.Risks;

/// <summary>
/// The register's text search over reference, title and description through each provider's full-text index (SQLite
/// FTS5 table <c>RiskSearch</c> kept by triggers; PostgreSQL's generated <c>SearchVector</c> with a GIN index), so a
/// search over ten thousand risks reads the index, not every row. Both are created by the RiskFullTextSearch migrations.
/// </summary>
public static class RiskTextSearch
{
    /// <summary>
    /// The risks whose text holds every word of <paramref name="text"/> (as word prefixes), as a query to filter, sort and
    /// page further; null when it has no words. The index's matches lead straight to the rows (SQLite: by rowid), so the
    /// cost follows the number of matches, not the size of the register.
    /// </summary>
    public static IQueryable<Risk>? Matching(OpenIsmsDbContext db, string? text)
    {
        var words = FullText.Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        return db.IsPostgres
            ? db.Set<Risk>().FromSql($"""SELECT * FROM "Risk" WHERE "SearchVector" @@ to_tsquery('simple', {FullText.TsQuery(words)})""")
            : db.Set<Risk>().FromSql($"""SELECT * FROM "Risk" WHERE rowid IN (SELECT rowid FROM "RiskSearch" WHERE "RiskSearch" MATCH {FullText.Fts5(words)})""");
    }
}
