using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RiskFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The register's text search (ADR 20): a generated tsvector of each risk's reference, title and description
            // with a GIN index. 'simple': no stemming, so a word matches as typed, as a prefix; everything but letters and
            // digits is a space first, as FullText.Words splits a query ("R-001" is "r" and "001", not "-001").
            migrationBuilder.Sql("""
                ALTER TABLE "Risk" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS
                  (to_tsvector('simple', regexp_replace(coalesce("Reference", '') || ' ' || coalesce("Title", '') || ' ' || coalesce("Description", ''),
                    '[^[:alnum:]]+', ' ', 'g'))) STORED
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Risk_SearchVector" ON "Risk" USING GIN ("SearchVector")""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Risk_SearchVector" """);
            migrationBuilder.Sql("""ALTER TABLE "Risk" DROP COLUMN IF EXISTS "SearchVector" """);
        }
    }
}
