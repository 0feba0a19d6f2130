using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class LinksRestrict : Migration
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
