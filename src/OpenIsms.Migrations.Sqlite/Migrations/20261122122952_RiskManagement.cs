using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RiskManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Asset",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Custodian = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Confidentiality = table.Column<int>(type: "INTEGER", nullable: false),
                    Integrity = table.Column<int>(type: "INTEGER", nullable: false),
                    Availability = table.Column<int>(type: "INTEGER", nullable: false),
                    Criticality = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InScope = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Asset", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Asset_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClassificationLevel",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationLevel", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskMethodology",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ChangeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskMethodology", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Threat",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Affects = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Threat", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vulnerability",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vulnerability", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssetDependency",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DependsOnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssetDependency", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssetDependency_Asset_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Asset",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssetDependency_Asset_DependsOnId",
                        column: x => x.DependsOnId,
                        principalTable: "Asset",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Risk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ThreatId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VulnerabilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ExistingControls = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Treatment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TreatmentRationale = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NextReview = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MethodologyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MethodologyNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    InherentLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    InherentImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    InherentLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    InherentScore = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualScore = table.Column<int>(type: "INTEGER", nullable: true),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Risk", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Risk_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Risk_RiskMethodology_MethodologyId",
                        column: x => x.MethodologyId,
                        principalTable: "RiskMethodology",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Risk_Threat_ThreatId",
                        column: x => x.ThreatId,
                        principalTable: "Threat",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Risk_Vulnerability_VulnerabilityId",
                        column: x => x.VulnerabilityId,
                        principalTable: "Vulnerability",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MethodologyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MethodologyNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    InherentLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    InherentImpact = table.Column<int>(type: "INTEGER", nullable: false),
                    InherentImpactsJson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InherentLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualLikelihood = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualImpact = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualImpactsJson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResidualLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AssessedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessment_RiskMethodology_MethodologyId",
                        column: x => x.MethodologyId,
                        principalTable: "RiskMethodology",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskAssessment_Risk_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAsset",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAsset", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAsset_Asset_AssetId",
                        column: x => x.AssetId,
                        principalTable: "Asset",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskAsset_Risk_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskControl",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskControl", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskControl_Requirement_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskControl_Risk_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentAction",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentAction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentAction_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TreatmentAction_Requirement_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TreatmentAction_Risk_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAcceptance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RiskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MethodologyNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidualLevelName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResidualScore = table.Column<int>(type: "INTEGER", nullable: false),
                    AboveThreshold = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AcceptedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AcceptedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ManagementApprovedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ManagementApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ManagementApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ManagementNote = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAcceptance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAcceptance_RiskAssessment_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "RiskAssessment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskAcceptance_Risk_RiskId",
                        column: x => x.RiskId,
                        principalTable: "Risk",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Asset_Name",
                table: "Asset",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Asset_OwnerId_Name",
                table: "Asset",
                columns: new[] { "OwnerId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Asset_Reference",
                table: "Asset",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Asset_Type_Name",
                table: "Asset",
                columns: new[] { "Type", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_AssetDependency_AssetId_DependsOnId",
                table: "AssetDependency",
                columns: new[] { "AssetId", "DependsOnId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssetDependency_DependsOnId",
                table: "AssetDependency",
                column: "DependsOnId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationLevel_Name",
                table: "ClassificationLevel",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Risk_InherentLevel_InherentScore",
                table: "Risk",
                columns: new[] { "InherentLevel", "InherentScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Risk_MethodologyId",
                table: "Risk",
                column: "MethodologyId");

            migrationBuilder.CreateIndex(
                name: "IX_Risk_OwnerId_Status",
                table: "Risk",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Risk_Reference",
                table: "Risk",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Risk_ResidualLevel_ResidualScore",
                table: "Risk",
                columns: new[] { "ResidualLevel", "ResidualScore" });

            migrationBuilder.CreateIndex(
                name: "IX_Risk_Status_NextReview",
                table: "Risk",
                columns: new[] { "Status", "NextReview" });

            migrationBuilder.CreateIndex(
                name: "IX_Risk_ThreatId",
                table: "Risk",
                column: "ThreatId");

            migrationBuilder.CreateIndex(
                name: "IX_Risk_Title",
                table: "Risk",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_Risk_Treatment",
                table: "Risk",
                column: "Treatment");

            migrationBuilder.CreateIndex(
                name: "IX_Risk_VulnerabilityId",
                table: "Risk",
                column: "VulnerabilityId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAcceptance_AssessmentId",
                table: "RiskAcceptance",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAcceptance_RiskId_AcceptedAt",
                table: "RiskAcceptance",
                columns: new[] { "RiskId", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAcceptance_Status_ExpiresOn",
                table: "RiskAcceptance",
                columns: new[] { "Status", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessment_MethodologyId",
                table: "RiskAssessment",
                column: "MethodologyId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessment_RiskId_AssessedAt",
                table: "RiskAssessment",
                columns: new[] { "RiskId", "AssessedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAsset_AssetId",
                table: "RiskAsset",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAsset_RiskId_AssetId",
                table: "RiskAsset",
                columns: new[] { "RiskId", "AssetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskControl_RequirementId",
                table: "RiskControl",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskControl_RiskId_RequirementId",
                table: "RiskControl",
                columns: new[] { "RiskId", "RequirementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskMethodology_Number",
                table: "RiskMethodology",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Threat_Name",
                table: "Threat",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentAction_OwnerId_Status_Due",
                table: "TreatmentAction",
                columns: new[] { "OwnerId", "Status", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentAction_RequirementId",
                table: "TreatmentAction",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentAction_RiskId_Due",
                table: "TreatmentAction",
                columns: new[] { "RiskId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentAction_Status_Due",
                table: "TreatmentAction",
                columns: new[] { "Status", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_Vulnerability_Name",
                table: "Vulnerability",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssetDependency");

            migrationBuilder.DropTable(
                name: "ClassificationLevel");

            migrationBuilder.DropTable(
                name: "RiskAcceptance");

            migrationBuilder.DropTable(
                name: "RiskAsset");

            migrationBuilder.DropTable(
                name: "RiskControl");

            migrationBuilder.DropTable(
                name: "TreatmentAction");

            migrationBuilder.DropTable(
                name: "RiskAssessment");

            migrationBuilder.DropTable(
                name: "Asset");

            migrationBuilder.DropTable(
                name: "Risk");

            migrationBuilder.DropTable(
                name: "RiskMethodology");

            migrationBuilder.DropTable(
                name: "Threat");

            migrationBuilder.DropTable(
                name: "Vulnerability");
        }
    }
}
