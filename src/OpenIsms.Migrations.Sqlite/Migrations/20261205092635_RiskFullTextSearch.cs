using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RiskFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The register's text search (ADR 20): an FTS5 index of each risk's reference, title and description, keyed by
            // the risk's rowid and kept by triggers. A later migration that rebuilds "Risk" drops these triggers with the
            // table and renumbers rowids — and EF runs a rebuild after a migration's own SQL — so the migration after it
            // must run RiskSearchSql.Create again (a test searches after every migration). This is why it is a migration of
            // its own, after the one that rebuilt "Risk" to make its foreign keys restrict.
            foreach (var sql in RiskSearchSql.Create)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in RiskSearchSql.Drop)
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
