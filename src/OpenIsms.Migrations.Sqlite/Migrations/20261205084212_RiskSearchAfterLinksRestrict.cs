using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RiskSearchAfterLinksRestrict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // LinksRestrict rebuilt "Risk" (SQLite cannot alter a foreign key in place), dropping the full-text triggers with
            // the old table and renumbering its rows; EF runs a rebuild after a migration's own SQL, so the index is made
            // again here, in a migration of its own (ADR 20).
            foreach (var sql in RiskSearchSql.Create)
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
