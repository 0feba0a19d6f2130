using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ManagementReviewsAndChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ManagementReview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChairId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PackJson = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: true),
                    PackSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FrozenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FrozenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Suitability = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Adequacy = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Effectiveness = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ImprovementDecisions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ChangesNeeded = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ResourceNeeds = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcludedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagementReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagementReview_AspNetUsers_ChairId",
                        column: x => x.ChairId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IsmsChange",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Consequences = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Integrity = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Resources = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NonconformityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AffectedRecords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IsmsChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IsmsChange_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IsmsChange_ManagementReview_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ManagementReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IsmsChange_Nonconformity_NonconformityId",
                        column: x => x.NonconformityId,
                        principalTable: "Nonconformity",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewAction",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewAction_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReviewAction_ManagementReview_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ManagementReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewInputMinute",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Input = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewInputMinute", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewInputMinute_ManagementReview_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ManagementReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IsmsChange_NonconformityId",
                table: "IsmsChange",
                column: "NonconformityId");

            migrationBuilder.CreateIndex(
                name: "IX_IsmsChange_OwnerId",
                table: "IsmsChange",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_IsmsChange_Reference",
                table: "IsmsChange",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IsmsChange_ReviewId",
                table: "IsmsChange",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_IsmsChange_Status_PlannedOn",
                table: "IsmsChange",
                columns: new[] { "Status", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReview_ChairId",
                table: "ManagementReview",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReview_Reference",
                table: "ManagementReview",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManagementReview_State_ScheduledOn",
                table: "ManagementReview",
                columns: new[] { "State", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAction_OwnerId_Status_DueOn",
                table: "ReviewAction",
                columns: new[] { "OwnerId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAction_ReviewId_Status",
                table: "ReviewAction",
                columns: new[] { "ReviewId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewInputMinute_ReviewId_Input",
                table: "ReviewInputMinute",
                columns: new[] { "ReviewId", "Input" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IsmsChange");

            migrationBuilder.DropTable(
                name: "ReviewAction");

            migrationBuilder.DropTable(
                name: "ReviewInputMinute");

            migrationBuilder.DropTable(
                name: "ManagementReview");
        }
    }
}
