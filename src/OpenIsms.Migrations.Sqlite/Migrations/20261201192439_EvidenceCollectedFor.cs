using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceCollectedFor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ControlId",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            // Evidence added before this column was collected for the control it was first linked to.
            migrationBuilder.Sql("""UPDATE "Evidence" SET "ControlId" = (SELECT x."ControlId" FROM "EvidenceControl" AS x WHERE x."EvidenceId" = "Evidence"."Id" ORDER BY x."CreatedAt" LIMIT 1)""");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ControlId_Review_CollectedOn",
                table: "Evidence",
                columns: new[] { "ControlId", "Review", "CollectedOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_Control_ControlId",
                table: "Evidence",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_Control_ControlId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ControlId_Review_CollectedOn",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "ControlId",
                table: "Evidence");
        }
    }
}
