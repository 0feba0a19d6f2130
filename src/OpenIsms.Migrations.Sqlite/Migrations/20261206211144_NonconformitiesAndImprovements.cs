using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NonconformitiesAndImprovements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AuditCycleYears",
                table: "Organisation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "OperatingMonths",
                table: "Organisation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "RecurrenceMonths",
                table: "Organisation",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.CreateTable(
                name: "Improvement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Improvement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Improvement_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nonconformity",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequirementText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Process = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Correction = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CorrectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CauseMethod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Whys = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    EffectivenessDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecurrenceOfId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nonconformity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nonconformity_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nonconformity_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nonconformity_Nonconformity_RecurrenceOfId",
                        column: x => x.RecurrenceOfId,
                        principalTable: "Nonconformity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nonconformity_Requirement_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nonconformity_Risk_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveAction",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NonconformityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Resources = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveAction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveAction_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CorrectiveAction_Nonconformity_NonconformityId",
                        column: x => x.NonconformityId,
                        principalTable: "Nonconformity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NonconformityStep",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NonconformityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Whys = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NonconformityStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NonconformityStep_Nonconformity_NonconformityId",
                        column: x => x.NonconformityId,
                        principalTable: "Nonconformity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveAction_NonconformityId_Round",
                table: "CorrectiveAction",
                columns: new[] { "NonconformityId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveAction_OwnerId_Status_DueOn",
                table: "CorrectiveAction",
                columns: new[] { "OwnerId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveAction_Status_DueOn",
                table: "CorrectiveAction",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Improvement_OwnerId_Status",
                table: "Improvement",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Improvement_Reference",
                table: "Improvement",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Improvement_Status_RaisedOn",
                table: "Improvement",
                columns: new[] { "Status", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformity_DocumentId",
                table: "Nonconformity",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformity_OwnerId_State",
                table: "Nonconformity",
                columns: new[] { "OwnerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformity_RecurrenceOfId",
                table: "Nonconformity",
                column: "RecurrenceOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformity_Reference",
                table: "Nonconformity",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformity_RequirementId_RaisedOn",
                table: "Nonconformity",
                columns: new[] { "RequirementId", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformity_RiskId",
                table: "Nonconformity",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformity_State_EffectivenessDueOn",
                table: "Nonconformity",
                columns: new[] { "State", "EffectivenessDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonconformity_State_RaisedOn",
                table: "Nonconformity",
                columns: new[] { "State", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_NonconformityStep_NonconformityId_CreatedAt",
                table: "NonconformityStep",
                columns: new[] { "NonconformityId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrectiveAction");

            migrationBuilder.DropTable(
                name: "Improvement");

            migrationBuilder.DropTable(
                name: "NonconformityStep");

            migrationBuilder.DropTable(
                name: "Nonconformity");

            migrationBuilder.DropColumn(
                name: "AuditCycleYears",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "OperatingMonths",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "RecurrenceMonths",
                table: "Organisation");
        }
    }
}
