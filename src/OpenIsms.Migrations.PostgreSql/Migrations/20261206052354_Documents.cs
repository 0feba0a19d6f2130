using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Documents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Classification = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Audience = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewIntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    NextReview = table.Column<DateOnly>(type: "date", nullable: true),
                    Clauses = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExternalSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExternalVersion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CurrentVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    CurrentLabel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CurrentApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PendingLabel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PendingState = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AckCampaign",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionLabel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Audience = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AckCampaign", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AckCampaign_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentLink",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequirementId = table.Column<Guid>(type: "uuid", nullable: true),
                    RiskId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentLink", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentLink_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentLink_Requirement_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentLink_Risk_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentReview",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionLabel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReviewedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NextReview = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentReview_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentVersion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Major = table.Column<int>(type: "integer", nullable: false),
                    Minor = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    FileContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ChangeSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AskAcknowledgement = table.Column<bool>(type: "boolean", nullable: false),
                    Quorum = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QuorumCount = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    SubmittedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentVersion_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Acknowledgement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionLabel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Via = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TokenExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reminders = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Acknowledgement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Acknowledgement_AckCampaign_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AckCampaign",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Acknowledgement_Person_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentApproval",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ApproverId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentApproval", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentApproval_AspNetUsers_ApproverId",
                        column: x => x.ApproverId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DocumentApproval_DocumentVersion_VersionId",
                        column: x => x.VersionId,
                        principalTable: "DocumentVersion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AckCampaign_DocumentId_CreatedAt",
                table: "AckCampaign",
                columns: new[] { "DocumentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgement_CampaignId_PersonId",
                table: "Acknowledgement",
                columns: new[] { "CampaignId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgement_CampaignId_PersonName_Id",
                table: "Acknowledgement",
                columns: new[] { "CampaignId", "PersonName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgement_CampaignId_State",
                table: "Acknowledgement",
                columns: new[] { "CampaignId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgement_PersonId_State",
                table: "Acknowledgement",
                columns: new[] { "PersonId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Acknowledgement_TokenHash",
                table: "Acknowledgement",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentApproval_ApproverId_Decision",
                table: "DocumentApproval",
                columns: new[] { "ApproverId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentApproval_VersionId_Round_ApproverId",
                table: "DocumentApproval",
                columns: new[] { "VersionId", "Round", "ApproverId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentLink_DocumentId",
                table: "DocumentLink",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentLink_RequirementId",
                table: "DocumentLink",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentLink_RiskId",
                table: "DocumentLink",
                column: "RiskId");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentReview_DocumentId_ReviewedAt",
                table: "DocumentReview",
                columns: new[] { "DocumentId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Kind_Reference",
                table: "Documents",
                columns: new[] { "Kind", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_NextReview",
                table: "Documents",
                column: "NextReview");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_OwnerId_NextReview",
                table: "Documents",
                columns: new[] { "OwnerId", "NextReview" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Reference",
                table: "Documents",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Status_Reference",
                table: "Documents",
                columns: new[] { "Status", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersion_DocumentId_Major_Minor",
                table: "DocumentVersion",
                columns: new[] { "DocumentId", "Major", "Minor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentVersion_DocumentId_State",
                table: "DocumentVersion",
                columns: new[] { "DocumentId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Acknowledgement");

            migrationBuilder.DropTable(
                name: "DocumentApproval");

            migrationBuilder.DropTable(
                name: "DocumentLink");

            migrationBuilder.DropTable(
                name: "DocumentReview");

            migrationBuilder.DropTable(
                name: "AckCampaign");

            migrationBuilder.DropTable(
                name: "DocumentVersion");

            migrationBuilder.DropTable(
                name: "Documents");
        }
    }
}
