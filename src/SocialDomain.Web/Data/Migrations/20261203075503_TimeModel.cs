using System;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialDomain.Web.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimeModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_quarter_publications_year_quarter",
                table: "quarter_publications");

            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "quarter_publications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "quarter_publications",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<decimal>(
                name: "band_high",
                table: "published_figures",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "band_low",
                table: "published_figures",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "commentary_version",
                table: "published_figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "direction",
                table: "published_figures",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "legal_norm",
                table: "published_figures",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "legal_norm_met",
                table: "published_figures",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "published_figures",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status_reason",
                table: "published_figures",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "target_deadline_quarter",
                table: "published_figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "target_deadline_year",
                table: "published_figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "target_valid_from_quarter",
                table: "published_figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "target_valid_from_year",
                table: "published_figures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "target_value",
                table: "published_figures",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "tolerance_attention_percent",
                table: "published_figures",
                type: "numeric(7,3)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "tolerance_on_track_percent",
                table: "published_figures",
                type: "numeric(7,3)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "unit",
                table: "published_figures",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decided_by",
                table: "kpi_targets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "decision_date",
                table: "kpi_targets",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision_document",
                table: "kpi_targets",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision_url",
                table: "kpi_targets",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "valid_from_quarter",
                table: "kpi_targets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "valid_from_year",
                table: "kpi_targets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "kpi_commentary_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    commentary_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    author = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_commentary_versions", x => x.id);
                    table.CheckConstraint("ck_kpi_commentary_versions_published", "(status = 'Published') = (published_at IS NOT NULL)");
                    table.CheckConstraint("ck_kpi_commentary_versions_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_kpi_commentary_versions_kpi_commentaries_commentary_id",
                        column: x => x.commentary_id,
                        principalTable: "kpi_commentaries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_quarter_publications_year_quarter_version",
                table: "quarter_publications",
                columns: new[] { "year", "quarter", "version" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_quarter_publications_note",
                table: "quarter_publications",
                sql: "version = 1 OR length(trim(coalesce(note, ''))) > 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_quarter_publications_version",
                table: "quarter_publications",
                sql: "version >= 1");

            migrationBuilder.AddCheckConstraint(
                name: "ck_kpi_targets_valid_from_quarter",
                table: "kpi_targets",
                sql: "valid_from_quarter IS NULL OR valid_from_quarter BETWEEN 1 AND 4");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_commentary_versions_commentary_id_version",
                table: "kpi_commentary_versions",
                columns: new[] { "commentary_id", "version" },
                unique: true);

            // Existing rows, before versions had a start: the first version of a KPI applies from its first measurement
            // (as it was judged until now), a later version from the quarter in which it was recorded. The seed import
            // sets the real start from the sources; this only keeps databases made before this migration sensible.
            migrationBuilder.Sql("""
                UPDATE kpi_targets t SET
                    valid_from_year = CASE WHEN t.version = 1
                        THEN coalesce((SELECT min(m.year) FROM kpi_measurements m WHERE m.kpi_id = t.kpi_id), t.baseline_year,
                                      extract(year FROM t.changed_at AT TIME ZONE 'Europe/Amsterdam')::int)
                        ELSE extract(year FROM t.changed_at AT TIME ZONE 'Europe/Amsterdam')::int END,
                    valid_from_quarter = CASE WHEN t.version = 1 THEN NULL
                        ELSE extract(quarter FROM t.changed_at AT TIME ZONE 'Europe/Amsterdam')::int END;
                """);

            // Publications made before this migration froze value, target version and commentary only: the definition
            // and the target terms are filled in as they are now (the closest record there is); status stays empty.
            migrationBuilder.Sql("""
                UPDATE published_figures f SET unit = k.unit, direction = k.direction, band_low = k.band_low, band_high = k.band_high, legal_norm = k.legal_norm
                FROM kpis k WHERE k.id = f.kpi_id;
                UPDATE published_figures f SET target_value = t.target_value, target_deadline_year = t.deadline_year, target_deadline_quarter = t.deadline_quarter,
                    target_valid_from_year = t.valid_from_year, target_valid_from_quarter = t.valid_from_quarter,
                    tolerance_on_track_percent = t.tolerance_on_track_percent, tolerance_attention_percent = t.tolerance_attention_percent
                FROM kpi_targets t WHERE t.kpi_id = f.kpi_id AND t.version = f.target_version;
                """);

            // Every existing commentary becomes its own first version.
            migrationBuilder.Sql("""
                INSERT INTO kpi_commentary_versions (commentary_id, version, text, status, author, created_at, published_at, published_by)
                SELECT c.id, 1, c.text, c.status, c.author, c.updated_at,
                       CASE WHEN c.status = 'Published' THEN coalesce(c.published_at, c.updated_at) END,
                       CASE WHEN c.status = 'Published' THEN c.author END
                FROM kpi_commentaries c;
                """);

            migrationBuilder.Sql(DashboardCacheNotifications.CreateTriggersSql(["kpi_commentary_versions"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_commentary_versions");

            migrationBuilder.DropIndex(
                name: "ix_quarter_publications_year_quarter_version",
                table: "quarter_publications");

            migrationBuilder.DropCheckConstraint(
                name: "ck_quarter_publications_note",
                table: "quarter_publications");

            migrationBuilder.DropCheckConstraint(
                name: "ck_quarter_publications_version",
                table: "quarter_publications");

            migrationBuilder.DropCheckConstraint(
                name: "ck_kpi_targets_valid_from_quarter",
                table: "kpi_targets");

            migrationBuilder.DropColumn(
                name: "note",
                table: "quarter_publications");

            migrationBuilder.DropColumn(
                name: "version",
                table: "quarter_publications");

            migrationBuilder.DropColumn(
                name: "band_high",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "band_low",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "commentary_version",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "direction",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "legal_norm",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "legal_norm_met",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "status",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "status_reason",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "target_deadline_quarter",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "target_deadline_year",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "target_valid_from_quarter",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "target_valid_from_year",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "target_value",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "tolerance_attention_percent",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "tolerance_on_track_percent",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "unit",
                table: "published_figures");

            migrationBuilder.DropColumn(
                name: "decided_by",
                table: "kpi_targets");

            migrationBuilder.DropColumn(
                name: "decision_date",
                table: "kpi_targets");

            migrationBuilder.DropColumn(
                name: "decision_document",
                table: "kpi_targets");

            migrationBuilder.DropColumn(
                name: "decision_url",
                table: "kpi_targets");

            migrationBuilder.DropColumn(
                name: "valid_from_quarter",
                table: "kpi_targets");

            migrationBuilder.DropColumn(
                name: "valid_from_year",
                table: "kpi_targets");

            migrationBuilder.CreateIndex(
                name: "ix_quarter_publications_year_quarter",
                table: "quarter_publications",
                columns: new[] { "year", "quarter" },
                unique: true);
        }
    }
}
