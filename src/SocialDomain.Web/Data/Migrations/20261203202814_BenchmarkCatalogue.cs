using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using SocialDomain.Web.Infrastructure;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <summary>
    /// The benchmark catalogue (the menu of /benchmark, kept on import instead of a DISTINCT per request) and the index the
    /// page reads one field of a municipality with (ADR 0016).
    /// </summary>
    public partial class BenchmarkCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_benchmark_observations_municipality_code",
                table: "benchmark_observations");

            migrationBuilder.CreateTable(
                name: "benchmark_catalogue",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    task_field_code = table.Column<string>(type: "character varying(10)", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benchmark_catalogue", x => x.id);
                    table.ForeignKey(
                        name: "fk_benchmark_catalogue_task_fields_task_field_code",
                        column: x => x.task_field_code,
                        principalTable: "task_fields",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_benchmark_observations_municipality_code_domain_task_field_",
                table: "benchmark_observations",
                columns: new[] { "municipality_code", "domain", "task_field_code", "year", "stage" })
                .Annotation("Npgsql:IndexInclude", new[] { "value_per_inhabitant" });

            migrationBuilder.CreateIndex(
                name: "ix_benchmark_catalogue_domain_task_field_code_year_stage",
                table: "benchmark_catalogue",
                columns: new[] { "domain", "task_field_code", "year", "stage" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_benchmark_catalogue_task_field_code",
                table: "benchmark_catalogue",
                column: "task_field_code");

            // ---- Custom SQL (not model-derived; keep when regenerating this migration) ----
            // Initial fill: the DISTINCT of the observations already stored (the same statement as BenchmarkCatalogueStore.RebuildAsync).
            migrationBuilder.Sql(
                """
                INSERT INTO benchmark_catalogue (domain, task_field_code, year, stage)
                SELECT DISTINCT domain, task_field_code, year, stage FROM benchmark_observations
                ON CONFLICT DO NOTHING;
                """);
            // The catalogue is the menu of the public (cached) benchmark page: its changes notify every instance's cache (ADR 0008).
            migrationBuilder.Sql(DashboardCacheNotifications.CreateTriggersSql(["benchmark_catalogue"]));
            // ---- End of custom SQL ----
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benchmark_catalogue");

            migrationBuilder.DropIndex(
                name: "ix_benchmark_observations_municipality_code_domain_task_field_",
                table: "benchmark_observations");

            migrationBuilder.CreateIndex(
                name: "ix_benchmark_observations_municipality_code",
                table: "benchmark_observations",
                column: "municipality_code");
        }
    }
}
