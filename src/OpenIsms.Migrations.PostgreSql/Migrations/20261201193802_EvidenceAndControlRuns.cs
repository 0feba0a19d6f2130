using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceAndControlRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RiskControl_RequirementId",
                table: "RiskControl");

            migrationBuilder.DropIndex(
                name: "IX_ControlRequirement_RequirementId",
                table: "ControlRequirement");

            migrationBuilder.CreateTable(
                name: "ControlTask",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CompletedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ControlTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ControlTask_AspNetUsers_CompletedById",
                        column: x => x.CompletedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ControlTask_Control_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Control",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CollectedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CollectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Review = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReviewedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: true),
                    ControlTaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_AspNetUsers_CollectedById",
                        column: x => x.CollectedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evidence_AspNetUsers_ReviewedById",
                        column: x => x.ReviewedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evidence_ControlTask_ControlTaskId",
                        column: x => x.ControlTaskId,
                        principalTable: "ControlTask",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Evidence_Control_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Control",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceControl",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceControl", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceControl_Control_ControlId",
                        column: x => x.ControlId,
                        principalTable: "Control",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvidenceControl_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskControl_RequirementId_RiskId",
                table: "RiskControl",
                columns: new[] { "RequirementId", "RiskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Risk_Id_Status",
                table: "Risk",
                columns: new[] { "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ControlRequirement_RequirementId_ControlId",
                table: "ControlRequirement",
                columns: new[] { "RequirementId", "ControlId" });

            migrationBuilder.CreateIndex(
                name: "IX_Control_Id_Status",
                table: "Control",
                columns: new[] { "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ControlTask_CompletedById",
                table: "ControlTask",
                column: "CompletedById");

            migrationBuilder.CreateIndex(
                name: "IX_ControlTask_ControlId_Status_DueOn",
                table: "ControlTask",
                columns: new[] { "ControlId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ControlTask_Status_DueOn",
                table: "ControlTask",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CollectedById",
                table: "Evidence",
                column: "CollectedById");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CollectedOn_Id",
                table: "Evidence",
                columns: new[] { "CollectedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ControlId_Review_CollectedOn",
                table: "Evidence",
                columns: new[] { "ControlId", "Review", "CollectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ControlTaskId",
                table: "Evidence",
                column: "ControlTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_Id_Review_ValidUntil_CollectedOn",
                table: "Evidence",
                columns: new[] { "Id", "Review", "ValidUntil", "CollectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_Review_ValidUntil",
                table: "Evidence",
                columns: new[] { "Review", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ReviewedById",
                table: "Evidence",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_Sha256",
                table: "Evidence",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ValidUntil_Review",
                table: "Evidence",
                columns: new[] { "ValidUntil", "Review" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceControl_ControlId_EvidenceId",
                table: "EvidenceControl",
                columns: new[] { "ControlId", "EvidenceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceControl_EvidenceId",
                table: "EvidenceControl",
                column: "EvidenceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvidenceControl");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "ControlTask");

            migrationBuilder.DropIndex(
                name: "IX_RiskControl_RequirementId_RiskId",
                table: "RiskControl");

            migrationBuilder.DropIndex(
                name: "IX_Risk_Id_Status",
                table: "Risk");

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
                name: "IX_ControlRequirement_RequirementId",
                table: "ControlRequirement",
                column: "RequirementId");
        }
    }
}
