using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FrameworksAsDataAndRestrictedLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiToken_AspNetUsers_UserId",
                table: "ApiToken");

            migrationBuilder.DropForeignKey(
                name: "FK_AssetDependency_Asset_AssetId",
                table: "AssetDependency");

            migrationBuilder.DropForeignKey(
                name: "FK_AssetDependency_Asset_DependsOnId",
                table: "AssetDependency");

            migrationBuilder.DropForeignKey(
                name: "FK_ControlRequirement_Control_ControlId",
                table: "ControlRequirement");

            migrationBuilder.DropForeignKey(
                name: "FK_ControlTask_Control_ControlId",
                table: "ControlTask");

            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_ControlTask_ControlTaskId",
                table: "Evidence");

            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_Control_ControlId",
                table: "Evidence");

            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceControl_Control_ControlId",
                table: "EvidenceControl");

            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceControl_Evidence_EvidenceId",
                table: "EvidenceControl");

            migrationBuilder.DropForeignKey(
                name: "FK_ImportUpload_AspNetUsers_UserId",
                table: "ImportUpload");

            migrationBuilder.DropForeignKey(
                name: "FK_PartyRequirement_InterestedParty_PartyId",
                table: "PartyRequirement");

            migrationBuilder.DropForeignKey(
                name: "FK_Risk_Threat_ThreatId",
                table: "Risk");

            migrationBuilder.DropForeignKey(
                name: "FK_Risk_Vulnerability_VulnerabilityId",
                table: "Risk");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskAcceptance_Risk_RiskId",
                table: "RiskAcceptance");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskAssessment_Risk_RiskId",
                table: "RiskAssessment");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskAsset_Asset_AssetId",
                table: "RiskAsset");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskAsset_Risk_RiskId",
                table: "RiskAsset");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskControl_Risk_RiskId",
                table: "RiskControl");

            migrationBuilder.DropForeignKey(
                name: "FK_TreatmentAction_Requirement_RequirementId",
                table: "TreatmentAction");

            migrationBuilder.DropForeignKey(
                name: "FK_TreatmentAction_Risk_RiskId",
                table: "TreatmentAction");

            migrationBuilder.DropColumn(
                name: "Capabilities",
                table: "Requirement");

            migrationBuilder.DropColumn(
                name: "Concepts",
                table: "Requirement");

            migrationBuilder.DropColumn(
                name: "ControlTypes",
                table: "Requirement");

            migrationBuilder.DropColumn(
                name: "Domains",
                table: "Requirement");

            migrationBuilder.DropColumn(
                name: "Properties",
                table: "Requirement");

            migrationBuilder.AddColumn<string>(
                name: "Class",
                table: "Requirement",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Examples",
                table: "Requirement",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Statement",
                table: "Requirement",
                type: "TEXT",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SucceededBy",
                table: "Requirement",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Withdrawn",
                table: "Requirement",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Framework",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    GroupLabel = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OffersSoa = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Families = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    HoldsSoa = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Framework", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RequirementAttribute",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Family = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementAttribute", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequirementAttribute_Requirement_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequirementMapping",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementMapping", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequirementMapping_Requirement_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Requirement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RequirementMapping_Requirement_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Requirement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Framework_Key",
                table: "Framework",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAttribute_RequirementId_Family_Value",
                table: "RequirementAttribute",
                columns: new[] { "RequirementId", "Family", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAttribute_Value_RequirementId",
                table: "RequirementAttribute",
                columns: new[] { "Value", "RequirementId" });

            migrationBuilder.CreateIndex(
                name: "IX_RequirementMapping_SourceId_TargetId",
                table: "RequirementMapping",
                columns: new[] { "SourceId", "TargetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequirementMapping_TargetId",
                table: "RequirementMapping",
                column: "TargetId");

            migrationBuilder.AddForeignKey(
                name: "FK_ApiToken_AspNetUsers_UserId",
                table: "ApiToken",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AssetDependency_Asset_AssetId",
                table: "AssetDependency",
                column: "AssetId",
                principalTable: "Asset",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AssetDependency_Asset_DependsOnId",
                table: "AssetDependency",
                column: "DependsOnId",
                principalTable: "Asset",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ControlRequirement_Control_ControlId",
                table: "ControlRequirement",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ControlTask_Control_ControlId",
                table: "ControlTask",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_ControlTask_ControlTaskId",
                table: "Evidence",
                column: "ControlTaskId",
                principalTable: "ControlTask",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_Control_ControlId",
                table: "Evidence",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceControl_Control_ControlId",
                table: "EvidenceControl",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceControl_Evidence_EvidenceId",
                table: "EvidenceControl",
                column: "EvidenceId",
                principalTable: "Evidence",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ImportUpload_AspNetUsers_UserId",
                table: "ImportUpload",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PartyRequirement_InterestedParty_PartyId",
                table: "PartyRequirement",
                column: "PartyId",
                principalTable: "InterestedParty",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Risk_Threat_ThreatId",
                table: "Risk",
                column: "ThreatId",
                principalTable: "Threat",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Risk_Vulnerability_VulnerabilityId",
                table: "Risk",
                column: "VulnerabilityId",
                principalTable: "Vulnerability",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskAcceptance_Risk_RiskId",
                table: "RiskAcceptance",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskAssessment_Risk_RiskId",
                table: "RiskAssessment",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskAsset_Asset_AssetId",
                table: "RiskAsset",
                column: "AssetId",
                principalTable: "Asset",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskAsset_Risk_RiskId",
                table: "RiskAsset",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskControl_Risk_RiskId",
                table: "RiskControl",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TreatmentAction_Requirement_RequirementId",
                table: "TreatmentAction",
                column: "RequirementId",
                principalTable: "Requirement",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_TreatmentAction_Risk_RiskId",
                table: "TreatmentAction",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ApiToken_AspNetUsers_UserId",
                table: "ApiToken");

            migrationBuilder.DropForeignKey(
                name: "FK_AssetDependency_Asset_AssetId",
                table: "AssetDependency");

            migrationBuilder.DropForeignKey(
                name: "FK_AssetDependency_Asset_DependsOnId",
                table: "AssetDependency");

            migrationBuilder.DropForeignKey(
                name: "FK_ControlRequirement_Control_ControlId",
                table: "ControlRequirement");

            migrationBuilder.DropForeignKey(
                name: "FK_ControlTask_Control_ControlId",
                table: "ControlTask");

            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_ControlTask_ControlTaskId",
                table: "Evidence");

            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_Control_ControlId",
                table: "Evidence");

            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceControl_Control_ControlId",
                table: "EvidenceControl");

            migrationBuilder.DropForeignKey(
                name: "FK_EvidenceControl_Evidence_EvidenceId",
                table: "EvidenceControl");

            migrationBuilder.DropForeignKey(
                name: "FK_ImportUpload_AspNetUsers_UserId",
                table: "ImportUpload");

            migrationBuilder.DropForeignKey(
                name: "FK_PartyRequirement_InterestedParty_PartyId",
                table: "PartyRequirement");

            migrationBuilder.DropForeignKey(
                name: "FK_Risk_Threat_ThreatId",
                table: "Risk");

            migrationBuilder.DropForeignKey(
                name: "FK_Risk_Vulnerability_VulnerabilityId",
                table: "Risk");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskAcceptance_Risk_RiskId",
                table: "RiskAcceptance");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskAssessment_Risk_RiskId",
                table: "RiskAssessment");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskAsset_Asset_AssetId",
                table: "RiskAsset");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskAsset_Risk_RiskId",
                table: "RiskAsset");

            migrationBuilder.DropForeignKey(
                name: "FK_RiskControl_Risk_RiskId",
                table: "RiskControl");

            migrationBuilder.DropForeignKey(
                name: "FK_TreatmentAction_Requirement_RequirementId",
                table: "TreatmentAction");

            migrationBuilder.DropForeignKey(
                name: "FK_TreatmentAction_Risk_RiskId",
                table: "TreatmentAction");

            migrationBuilder.DropTable(
                name: "Framework");

            migrationBuilder.DropTable(
                name: "RequirementAttribute");

            migrationBuilder.DropTable(
                name: "RequirementMapping");

            migrationBuilder.DropColumn(
                name: "Class",
                table: "Requirement");

            migrationBuilder.DropColumn(
                name: "Examples",
                table: "Requirement");

            migrationBuilder.DropColumn(
                name: "Statement",
                table: "Requirement");

            migrationBuilder.DropColumn(
                name: "SucceededBy",
                table: "Requirement");

            migrationBuilder.DropColumn(
                name: "Withdrawn",
                table: "Requirement");

            migrationBuilder.AddColumn<string>(
                name: "Capabilities",
                table: "Requirement",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Concepts",
                table: "Requirement",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ControlTypes",
                table: "Requirement",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Domains",
                table: "Requirement",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Properties",
                table: "Requirement",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddForeignKey(
                name: "FK_ApiToken_AspNetUsers_UserId",
                table: "ApiToken",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AssetDependency_Asset_AssetId",
                table: "AssetDependency",
                column: "AssetId",
                principalTable: "Asset",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AssetDependency_Asset_DependsOnId",
                table: "AssetDependency",
                column: "DependsOnId",
                principalTable: "Asset",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ControlRequirement_Control_ControlId",
                table: "ControlRequirement",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ControlTask_Control_ControlId",
                table: "ControlTask",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_ControlTask_ControlTaskId",
                table: "Evidence",
                column: "ControlTaskId",
                principalTable: "ControlTask",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_Control_ControlId",
                table: "Evidence",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceControl_Control_ControlId",
                table: "EvidenceControl",
                column: "ControlId",
                principalTable: "Control",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EvidenceControl_Evidence_EvidenceId",
                table: "EvidenceControl",
                column: "EvidenceId",
                principalTable: "Evidence",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ImportUpload_AspNetUsers_UserId",
                table: "ImportUpload",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PartyRequirement_InterestedParty_PartyId",
                table: "PartyRequirement",
                column: "PartyId",
                principalTable: "InterestedParty",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Risk_Threat_ThreatId",
                table: "Risk",
                column: "ThreatId",
                principalTable: "Threat",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Risk_Vulnerability_VulnerabilityId",
                table: "Risk",
                column: "VulnerabilityId",
                principalTable: "Vulnerability",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskAcceptance_Risk_RiskId",
                table: "RiskAcceptance",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskAssessment_Risk_RiskId",
                table: "RiskAssessment",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskAsset_Asset_AssetId",
                table: "RiskAsset",
                column: "AssetId",
                principalTable: "Asset",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskAsset_Risk_RiskId",
                table: "RiskAsset",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_RiskControl_Risk_RiskId",
                table: "RiskControl",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_TreatmentAction_Requirement_RequirementId",
                table: "TreatmentAction",
                column: "RequirementId",
                principalTable: "Requirement",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_TreatmentAction_Risk_RiskId",
                table: "TreatmentAction",
                column: "RiskId",
                principalTable: "Risk",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
