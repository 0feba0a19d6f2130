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
    /// <summary>The ids of the risks whose text holds every word of <paramref name="text"/> (as word prefixes); null when it has no words.</summary>
    public static IQueryable<Guid>? Matching(OpenIsmsDbContext db, string? text)
    {
        var words = FullText.Words(text);
        if (words.Count == 0)
        {
            return null;
        }

        return db.IsPostgres
            ? db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "Risk" WHERE "SearchVector" @@ to_tsquery('simple', {FullText.TsQuery(words)})""")
            : db.Database.SqlQuery<Guid>($"""SELECT r."Id" AS "Value" FROM "RiskSearch" s JOIN "Risk" r ON r.rowid = s.rowid WHERE "RiskSearch" MATCH {FullText.Fts5(words)}""");
    }
}
