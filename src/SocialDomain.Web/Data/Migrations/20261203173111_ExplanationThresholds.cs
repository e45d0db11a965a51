using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExplanationThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_estimate",
                table: "reserve_movements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "project_code",
                table: "reserve_movements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "role",
                table: "projects",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "project");

            migrationBuilder.AddColumn<string>(
                name: "funding_kind",
                table: "project_budgets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "explanation_threshold_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    valid_from_year = table.Column<int>(type: "integer", nullable: false),
                    absolute = table.Column<decimal>(type: "numeric(16,2)", precision: 18, scale: 4, nullable: true),
                    relative_percent = table.Column<decimal>(type: "numeric(7,3)", precision: 18, scale: 4, nullable: true),
                    combination = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    only_unfavourable = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_explanation_threshold_settings", x => x.id);
                    table.CheckConstraint("ck_explanation_threshold_settings_absolute", "absolute IS NULL OR absolute >= 0");
                    table.CheckConstraint("ck_explanation_threshold_settings_any", "absolute IS NOT NULL OR relative_percent IS NOT NULL");
                    table.CheckConstraint("ck_explanation_threshold_settings_relative", "relative_percent IS NULL OR relative_percent >= 0");
                    table.CheckConstraint("ck_explanation_threshold_settings_year", "valid_from_year BETWEEN 1900 AND 2200");
                });

            migrationBuilder.CreateIndex(
                name: "ix_explanation_threshold_settings_valid_from_year",
                table: "explanation_threshold_settings",
                column: "valid_from_year");

            // Rows the demo data (Hilversum) already seeded: the meaning the Begroting page used to read from descriptions,
            // codes and notes becomes explicit data (docs/data-sources/hilversum.md). Rows of other origins are left alone.
            migrationBuilder.Sql("""
                UPDATE reserve_movements SET kind = 'beginstand' WHERE kind = 'saldo' AND description ILIKE '%1 januari%';
                UPDATE reserve_movements SET kind = 'eindstand' WHERE kind = 'saldo' AND description ILIKE '%31 december%';
                UPDATE reserve_movements SET is_estimate = TRUE WHERE description ILIKE '%raming%';
                UPDATE reserve_movements SET project_code = 'WINST'
                WHERE kind = 'onttrekking' AND description LIKE '%WINST%' AND EXISTS (SELECT 1 FROM projects WHERE code = 'WINST');
                UPDATE projects SET role = 'plan' WHERE code = 'WINST' AND source_document = '001';
                UPDATE project_budgets SET funding_kind = CASE WHEN funding ILIKE 'Reserve%' THEN 'reserve' ELSE 'overig' END
                WHERE project_code = 'WINST' AND source_document = '001';
                UPDATE budget_lines SET task_field_code = m.task_field
                FROM (VALUES ('TOEGANG', '6.2'), ('MVZ_WMO', '6.6'), ('MDV_18PLUS', '6.71'), ('MDV_18MIN', '6.72'), ('GZ_18PLUS', '6.81'), ('GZ_18MIN', '6.82'))
                    AS m(lot, task_field)
                WHERE budget_lines.scope = 'Lot' AND budget_lines.scope_code = m.lot AND budget_lines.source_document = '003'
                    AND budget_lines.task_field_code IS NULL AND EXISTS (SELECT 1 FROM task_fields t WHERE t.code = m.task_field);
                UPDATE budget_lines SET note = note || '. De primitieve begroting van het programma staat niet in de bronnen: het KPMG-rapport verwijst ervoor naar het Jaarverslag 2019, dat er niet bij zit'
                WHERE scope = 'Programme' AND scope_code = '2' AND year = 2019 AND stage = 'StatedVariance' AND source_document = '003'
                    AND note NOT LIKE '%Jaarverslag 2019, dat er niet bij zit%';
                INSERT INTO explanation_threshold_settings (valid_from_year, absolute, relative_percent, combination, only_unfavourable, reason, recorded_at, recorded_by)
                SELECT 2016, 250000, 10, 'Either', FALSE,
                    'Aangenomen voor de demonstratie: toelichten boven € 250.000 of 10% van de begroting. De financiële verordening van Hilversum zit niet bij de bronnen; deze grenzen zijn een gangbaar voorbeeld, geen vastgesteld besluit.',
                    now(), 'import'
                WHERE EXISTS (SELECT 1 FROM budget_lines WHERE source_document = '003' AND stage = 'StatedVariance' AND amount = 1163470)
                    AND NOT EXISTS (SELECT 1 FROM explanation_threshold_settings);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "explanation_threshold_settings");

            migrationBuilder.DropColumn(
                name: "is_estimate",
                table: "reserve_movements");

            migrationBuilder.DropColumn(
                name: "project_code",
                table: "reserve_movements");

            migrationBuilder.DropColumn(
                name: "role",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "funding_kind",
                table: "project_budgets");
        }
    }
}
