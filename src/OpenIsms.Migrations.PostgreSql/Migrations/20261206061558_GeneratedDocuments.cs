using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class GeneratedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceHash",
                table: "DocumentVersion",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceLabel",
                table: "DocumentVersion",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Documents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceHash",
                table: "DocumentVersion");

            migrationBuilder.DropColumn(
                name: "SourceLabel",
                table: "DocumentVersion");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Documents");
        }
    }
}
