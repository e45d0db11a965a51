using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SourcePeriodsAndStages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "period_detail",
                table: "kpi_reference_values",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "period_precision",
                table: "kpi_reference_values",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Exact");

            migrationBuilder.AddColumn<int>(
                name: "period_detail",
                table: "kpi_measurements",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "period_precision",
                table: "kpi_measurements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Exact");

            migrationBuilder.AddCheckConstraint(
                name: "ck_kpi_reference_values_period_detail",
                table: "kpi_reference_values",
                sql: "(period_precision IN ('Exact', 'Undated') AND period_detail IS NULL) OR (period_precision = 'Month' AND period_detail BETWEEN 1 AND 12) OR (period_precision = 'Span' AND period_detail IS NOT NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_kpi_measurements_period_detail",
                table: "kpi_measurements",
                sql: "(period_precision IN ('Exact', 'Undated') AND period_detail IS NULL) OR (period_precision = 'Month' AND period_detail BETWEEN 1 AND 12) OR (period_precision = 'Span' AND period_detail IS NOT NULL)");

            // Issue 17: a database seeded before this change holds two budget lines that no source prints as such. The
            // stated overspend of programme Zorg 2019 (003 l.1195–1199) was stored as a realisation; it becomes a stated
            // variance. The budget derived from it (€ 83.105.000, labelled "afgeleid", never a user's entry) is removed.
            migrationBuilder.Sql("""
                UPDATE budget_lines SET stage = 'StatedVariance', name = 'Programma 2 Zorg'
                WHERE scope = 'Programme' AND scope_code = '2' AND year = 2019 AND stage = 'Actuals' AND amount = 1163470 AND name LIKE '%tekort 2019%';
                DELETE FROM budget_lines
                WHERE scope = 'Programme' AND scope_code = '2' AND year = 2019 AND stage = 'AmendedBudget' AND amount = 83105000 AND name LIKE '%(afgeleid)%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_kpi_reference_values_period_detail",
                table: "kpi_reference_values");

            migrationBuilder.DropCheckConstraint(
                name: "ck_kpi_measurements_period_detail",
                table: "kpi_measurements");

            migrationBuilder.DropColumn(
                name: "period_detail",
                table: "kpi_reference_values");

            migrationBuilder.DropColumn(
                name: "period_precision",
                table: "kpi_reference_values");

            migrationBuilder.DropColumn(
                name: "period_detail",
                table: "kpi_measurements");

            migrationBuilder.DropColumn(
                name: "period_precision",
                table: "kpi_measurements");
        }
    }
}
