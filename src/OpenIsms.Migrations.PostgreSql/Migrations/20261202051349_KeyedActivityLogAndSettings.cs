using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenIsms.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class KeyedActivityLogAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RequireTwoFactor",
                table: "Organisation",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SamePersonMayApprove",
                table: "Organisation",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Organisation",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "KeyId",
                table: "ActivityLog",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StateHash",
                table: "ActivityLog",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityLog_EntityType_Sequence",
                table: "ActivityLog",
                columns: new[] { "EntityType", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActivityLog_EntityType_Sequence",
                table: "ActivityLog");

            migrationBuilder.DropColumn(
                name: "RequireTwoFactor",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "SamePersonMayApprove",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Organisation");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "KeyId",
                table: "ActivityLog");

            migrationBuilder.DropColumn(
                name: "StateHash",
                table: "ActivityLog");
        }
    }
}
