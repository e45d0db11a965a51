using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FindingsForEveryDataset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "budget_code",
                table: "data_quality_findings",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "budget_scope",
                table: "data_quality_findings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kpi_code",
                table: "data_quality_findings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "rounding_only",
                table: "data_quality_findings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_data_quality_findings_kpi_code",
                table: "data_quality_findings",
                column: "kpi_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_data_quality_findings_kpi_code",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "budget_code",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "budget_scope",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "kpi_code",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "rounding_only",
                table: "data_quality_findings");
        }
    }
}
