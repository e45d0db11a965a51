using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialDomain.Web.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeasurementVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "kpi_measurements",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "kpi_measurement_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kpi_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    change = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_measurement_versions", x => x.id);
                    table.CheckConstraint("ck_kpi_measurement_versions_quarter", "quarter IS NULL OR quarter BETWEEN 1 AND 4");
                    table.CheckConstraint("ck_kpi_measurement_versions_reason", "change NOT IN ('Corrected', 'Withdrawn') OR length(trim(coalesce(reason, ''))) > 0");
                    table.CheckConstraint("ck_kpi_measurement_versions_value", "(change = 'Withdrawn') = (value IS NULL)");
                    table.CheckConstraint("ck_kpi_measurement_versions_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_kpi_measurement_versions_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpis",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kpi_measurement_versions_kpi_id_year_quarter_version",
                table: "kpi_measurement_versions",
                columns: new[] { "kpi_id", "year", "quarter", "version" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // Every stored value gets its first version: where it came from is its source; who and when are not known
            // for values stored before versions existed, so they are recorded as imported at migration time.
            migrationBuilder.Sql("""
                INSERT INTO kpi_measurement_versions (kpi_id, year, quarter, version, change, value, status, reason, changed_by, changed_at, source_document, source_section)
                SELECT m.kpi_id, m.year, m.quarter, 1, 'Imported', m.value, m.status, NULL, 'import', now(), m.source_document, m.source_section
                FROM kpi_measurements m;
                """);

            migrationBuilder.Sql(DashboardCacheNotifications.CreateTriggersSql(["kpi_measurement_versions"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_measurement_versions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "kpi_measurements");
        }
    }
}
