using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialDomain.Web.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class KpiDefinitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "archived_at",
                table: "task_fields",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "task_fields",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "archived_at",
                table: "programmes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "programmes",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<int>(
                name: "archived_from_quarter",
                table: "kpis",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "archived_from_year",
                table: "kpis",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "task_field_code",
                table: "kpis",
                type: "character varying(10)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "kpi_definition_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kpi_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    valid_from_year = table.Column<int>(type: "integer", nullable: false),
                    valid_from_quarter = table.Column<int>(type: "integer", nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    band_low = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    band_high = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    frequency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    data_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owner = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    programme_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    task_field_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    legal_norm = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    legal_norm_description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_definition_versions", x => x.id);
                    table.CheckConstraint("ck_kpi_definition_versions_reason", "version = 1 OR length(trim(coalesce(reason, ''))) > 0");
                    table.CheckConstraint("ck_kpi_definition_versions_valid_from_quarter", "valid_from_quarter IS NULL OR valid_from_quarter BETWEEN 1 AND 4");
                    table.CheckConstraint("ck_kpi_definition_versions_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_kpi_definition_versions_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpis",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_programmes",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    programme_code = table.Column<string>(type: "character varying(10)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_programmes", x => new { x.user_id, x.programme_code });
                    table.ForeignKey(
                        name: "fk_user_programmes_programmes_programme_code",
                        column: x => x.programme_code,
                        principalTable: "programmes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_programmes_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kpis_task_field_code",
                table: "kpis",
                column: "task_field_code");

            migrationBuilder.AddCheckConstraint(
                name: "ck_kpis_archived_quarter",
                table: "kpis",
                sql: "archived_from_quarter IS NULL OR (archived_from_year IS NOT NULL AND archived_from_quarter BETWEEN 1 AND 4)");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_definition_versions_kpi_id_version",
                table: "kpi_definition_versions",
                columns: new[] { "kpi_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_programmes_programme_code",
                table: "user_programmes",
                column: "programme_code");

            migrationBuilder.AddForeignKey(
                name: "fk_kpis_task_fields_task_field_code",
                table: "kpis",
                column: "task_field_code",
                principalTable: "task_fields",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);

            // Every existing KPI gets its current definition as version 1, in force from its first measured year (or the
            // year of the migration when it has none yet); recorded by "migratie", without reason (a first version needs none).
            migrationBuilder.Sql("""
                INSERT INTO kpi_definition_versions (kpi_id, version, valid_from_year, valid_from_quarter, name, definition, unit, direction,
                    band_low, band_high, frequency, data_source, domain, owner, programme_code, task_field_code, legal_norm,
                    legal_norm_description, changed_by, changed_at, reason)
                SELECT k.id, 1,
                       coalesce((SELECT min(m.year) FROM kpi_measurements m WHERE m.kpi_id = k.id), extract(year FROM now() AT TIME ZONE 'Europe/Amsterdam')::int),
                       NULL, k.name, k.definition, k.unit, k.direction, k.band_low, k.band_high, k.frequency, k.data_source, k.domain, k.owner,
                       k.programme_code, k.task_field_code, k.legal_norm, k.legal_norm_description, 'migratie', now(), NULL
                FROM kpis k;
                """);

            migrationBuilder.Sql(DashboardCacheNotifications.CreateTriggersSql(["kpi_definition_versions"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_kpis_task_fields_task_field_code",
                table: "kpis");

            migrationBuilder.DropTable(
                name: "kpi_definition_versions");

            migrationBuilder.DropTable(
                name: "user_programmes");

            migrationBuilder.DropIndex(
                name: "ix_kpis_task_field_code",
                table: "kpis");

            migrationBuilder.DropCheckConstraint(
                name: "ck_kpis_archived_quarter",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "archived_at",
                table: "task_fields");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "task_fields");

            migrationBuilder.DropColumn(
                name: "archived_at",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "archived_from_quarter",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "archived_from_year",
                table: "kpis");

            migrationBuilder.DropColumn(
                name: "task_field_code",
                table: "kpis");
        }
    }
}
