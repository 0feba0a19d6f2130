using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TreatmentPlanOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TreatmentAction_Due_Status",
                table: "TreatmentAction");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentAction_Due_Id",
                table: "TreatmentAction",
                columns: new[] { "Due", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TreatmentAction_Due_Id",
                table: "TreatmentAction");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentAction_Due_Status",
                table: "TreatmentAction",
                columns: new[] { "Due", "Status" });
        }
    }
}
