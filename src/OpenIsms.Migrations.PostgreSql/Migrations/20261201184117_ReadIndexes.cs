using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RiskControl_RequirementId",
                table: "RiskControl");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ValidUntil",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_ControlRequirement_RequirementId",
                table: "ControlRequirement");

            migrationBuilder.CreateIndex(
                name: "IX_RiskControl_RequirementId_RiskId",
                table: "RiskControl",
                columns: new[] { "RequirementId", "RiskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Risk_Id_Status",
                table: "Risk",
                columns: new[] { "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CollectedOn_Id",
                table: "Evidence",
                columns: new[] { "CollectedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ValidUntil_Review",
                table: "Evidence",
                columns: new[] { "ValidUntil", "Review" });

            migrationBuilder.CreateIndex(
                name: "IX_ControlRequirement_RequirementId_ControlId",
                table: "ControlRequirement",
                columns: new[] { "RequirementId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_Control_Id_Status",
                table: "Control",
                columns: new[] { "Id", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RiskControl_RequirementId_RiskId",
                table: "RiskControl");

            migrationBuilder.DropIndex(
                name: "IX_Risk_Id_Status",
                table: "Risk");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_CollectedOn_Id",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ValidUntil_Review",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_ControlRequirement_RequirementId_ControlId",
                table: "ControlRequirement");

            migrationBuilder.DropIndex(
                name: "IX_Control_Id_Status",
                table: "Control");

            migrationBuilder.CreateIndex(
                name: "IX_RiskControl_RequirementId",
                table: "RiskControl",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ValidUntil",
                table: "Evidence",
                column: "ValidUntil");

            migrationBuilder.CreateIndex(
                name: "IX_ControlRequirement_RequirementId",
                table: "ControlRequirement",
                column: "RequirementId");
        }
    }
}
