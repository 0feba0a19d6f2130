using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AwarenessCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TrainingCompletion_TrainingId_PersonId_CompletedOn",
                table: "TrainingCompletion");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletion_TrainingId_PersonId_Passed_CompletedOn",
                table: "TrainingCompletion",
                columns: new[] { "TrainingId", "PersonId", "Passed", "CompletedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TrainingCompletion_TrainingId_PersonId_Passed_CompletedOn",
                table: "TrainingCompletion");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingCompletion_TrainingId_PersonId_CompletedOn",
                table: "TrainingCompletion",
                columns: new[] { "TrainingId", "PersonId", "CompletedOn" });
        }
    }
}
