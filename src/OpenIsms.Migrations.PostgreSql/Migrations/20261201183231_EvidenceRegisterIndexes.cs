using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceRegisterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Evidence_ValidUntil",
                table: "Evidence");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CollectedOn_Id",
                table: "Evidence",
                columns: new[] { "CollectedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ValidUntil_Review",
                table: "Evidence",
                columns: new[] { "ValidUntil", "Review" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Evidence_CollectedOn_Id",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ValidUntil_Review",
                table: "Evidence");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ValidUntil",
                table: "Evidence",
                column: "ValidUntil");
        }
    }
}
