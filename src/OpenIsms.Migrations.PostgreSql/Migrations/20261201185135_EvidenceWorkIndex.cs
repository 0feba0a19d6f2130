using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceWorkIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Evidence_Id_Review_ValidUntil_CollectedOn",
                table: "Evidence",
                columns: new[] { "Id", "Review", "ValidUntil", "CollectedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Evidence_Id_Review_ValidUntil_CollectedOn",
                table: "Evidence");
        }
    }
}
