using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_quality_findings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dataset = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    stated_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    recomputed_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    difference = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    count = table.Column<int>(type: "integer", nullable: true),
                    missing = table.Column<List<string>>(type: "text[]", nullable: false),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_quality_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "municipalities",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_g40 = table.Column<bool>(type: "boolean", nullable: false),
                    is_g4 = table.Column<bool>(type: "boolean", nullable: false),
                    size_class_code = table.Column<string>(type: "character varying(10)", nullable: true),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_municipalities", x => x.code);
                    table.ForeignKey(
                        name: "fk_municipalities_municipalities_size_class_code",
                        column: x => x.size_class_code,
                        principalTable: "municipalities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "reserve_movements",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reserve = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(16,2)", precision: 18, scale: 4, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reserve_movements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "municipality_characteristics",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    municipality_code = table.Column<string>(type: "character varying(10)", nullable: false),
                    snapshot = table.Column<DateOnly>(type: "date", nullable: false),
                    population = table.Column<int>(type: "integer", nullable: true),
                    pct_low_income = table.Column<decimal>(type: "numeric(7,3)", precision: 18, scale: 4, nullable: true),
                    pct_youth_0_19 = table.Column<decimal>(type: "numeric(7,3)", precision: 18, scale: 4, nullable: true),
                    pct_youth_with_youth_care = table.Column<decimal>(type: "numeric(7,3)", precision: 18, scale: 4, nullable: true),
                    pct_aged_65_74 = table.Column<decimal>(type: "numeric(7,3)", precision: 18, scale: 4, nullable: true),
                    pct_aged_75_plus = table.Column<decimal>(type: "numeric(7,3)", precision: 18, scale: 4, nullable: true),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_municipality_characteristics", x => x.id);
                    table.ForeignKey(
                        name: "fk_municipality_characteristics_municipalities_municipality_co",
                        column: x => x.municipality_code,
                        principalTable: "municipalities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpis",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    band_low = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    band_high = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    frequency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    data_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    programme_code = table.Column<string>(type: "character varying(10)", nullable: true),
                    owner = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    legal_norm = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    legal_norm_description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpis", x => x.id);
                    table.CheckConstraint("ck_kpis_band", "direction <> 'WithinBand' OR (band_low IS NOT NULL AND band_high IS NOT NULL AND band_low <= band_high)");
                    table.ForeignKey(
                        name: "fk_kpis_programmes_programme_code",
                        column: x => x.programme_code,
                        principalTable: "programmes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "task_fields",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    programme_code = table.Column<string>(type: "character varying(10)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_fields", x => x.code);
                    table.ForeignKey(
                        name: "fk_task_fields_programmes_programme_code",
                        column: x => x.programme_code,
                        principalTable: "programmes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "project_budgets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_code = table.Column<string>(type: "character varying(40)", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(16,2)", precision: 18, scale: 4, nullable: false),
                    funding = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_budgets", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_budgets_projects_project_code",
                        column: x => x.project_code,
                        principalTable: "projects",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_commentaries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kpi_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    author = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_commentaries", x => x.id);
                    table.CheckConstraint("ck_kpi_commentaries_quarter", "quarter BETWEEN 1 AND 4");
                    table.ForeignKey(
                        name: "fk_kpi_commentaries_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpis",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_measurements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kpi_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: true),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_measurements", x => x.id);
                    table.CheckConstraint("ck_kpi_measurements_quarter", "quarter IS NULL OR quarter BETWEEN 1 AND 4");
                    table.ForeignKey(
                        name: "fk_kpi_measurements_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpis",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_reference_values",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kpi_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: true),
                    reference = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_reference_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpi_reference_values_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpis",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kpi_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kpi_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    baseline_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    baseline_year = table.Column<int>(type: "integer", nullable: true),
                    baseline_quarter = table.Column<int>(type: "integer", nullable: true),
                    target_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    deadline_year = table.Column<int>(type: "integer", nullable: true),
                    deadline_quarter = table.Column<int>(type: "integer", nullable: true),
                    tolerance_on_track_percent = table.Column<decimal>(type: "numeric(7,3)", precision: 18, scale: 4, nullable: true),
                    tolerance_attention_percent = table.Column<decimal>(type: "numeric(7,3)", precision: 18, scale: 4, nullable: true),
                    rationale = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    council_decision = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    change_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    changed_by = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_targets", x => x.id);
                    table.CheckConstraint("ck_kpi_targets_baseline_quarter", "baseline_quarter IS NULL OR baseline_quarter BETWEEN 1 AND 4");
                    table.CheckConstraint("ck_kpi_targets_deadline_quarter", "deadline_quarter IS NULL OR deadline_quarter BETWEEN 1 AND 4");
                    table.CheckConstraint("ck_kpi_targets_reason", "version = 1 OR length(trim(coalesce(change_reason, ''))) > 0");
                    table.CheckConstraint("ck_kpi_targets_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_kpi_targets_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpis",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "benchmark_observations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    municipality_code = table.Column<string>(type: "character varying(10)", nullable: false),
                    domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    task_field_code = table.Column<string>(type: "character varying(10)", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value_per_inhabitant = table.Column<decimal>(type: "numeric(12,2)", precision: 18, scale: 4, nullable: true),
                    source_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benchmark_observations", x => x.id);
                    table.ForeignKey(
                        name: "fk_benchmark_observations_municipalities_municipality_code",
                        column: x => x.municipality_code,
                        principalTable: "municipalities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_benchmark_observations_task_fields_task_field_code",
                        column: x => x.task_field_code,
                        principalTable: "task_fields",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scope_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    programme_code = table.Column<string>(type: "character varying(10)", nullable: true),
                    task_field_code = table.Column<string>(type: "character varying(10)", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(16,2)", precision: 18, scale: 4, nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    source_document = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_section = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_lines", x => x.id);
                    table.CheckConstraint("ck_budget_lines_year", "year BETWEEN 1900 AND 2200");
                    table.ForeignKey(
                        name: "fk_budget_lines_programmes_programme_code",
                        column: x => x.programme_code,
                        principalTable: "programmes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_budget_lines_task_fields_task_field_code",
                        column: x => x.task_field_code,
                        principalTable: "task_fields",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_benchmark_observations_domain_task_field_code_year_stage_mu",
                table: "benchmark_observations",
                columns: new[] { "domain", "task_field_code", "year", "stage", "municipality_code" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_benchmark_observations_municipality_code",
                table: "benchmark_observations",
                column: "municipality_code");

            migrationBuilder.CreateIndex(
                name: "ix_benchmark_observations_task_field_code",
                table: "benchmark_observations",
                column: "task_field_code");

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_programme_code",
                table: "budget_lines",
                column: "programme_code");

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_scope_scope_code_year_stage_measure",
                table: "budget_lines",
                columns: new[] { "scope", "scope_code", "year", "stage", "measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_task_field_code",
                table: "budget_lines",
                column: "task_field_code");

            migrationBuilder.CreateIndex(
                name: "ix_data_quality_findings_dataset_subject",
                table: "data_quality_findings",
                columns: new[] { "dataset", "subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_commentaries_kpi_id_year_quarter",
                table: "kpi_commentaries",
                columns: new[] { "kpi_id", "year", "quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_measurements_kpi_id_year_quarter",
                table: "kpi_measurements",
                columns: new[] { "kpi_id", "year", "quarter" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_reference_values_kpi_id_year_quarter_reference",
                table: "kpi_reference_values",
                columns: new[] { "kpi_id", "year", "quarter", "reference" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_targets_kpi_id_version",
                table: "kpi_targets",
                columns: new[] { "kpi_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpis_code",
                table: "kpis",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpis_programme_code",
                table: "kpis",
                column: "programme_code");

            migrationBuilder.CreateIndex(
                name: "ix_municipalities_name",
                table: "municipalities",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_municipalities_size_class_code",
                table: "municipalities",
                column: "size_class_code");

            migrationBuilder.CreateIndex(
                name: "ix_municipality_characteristics_municipality_code_snapshot",
                table: "municipality_characteristics",
                columns: new[] { "municipality_code", "snapshot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_project_budgets_project_code_year_funding",
                table: "project_budgets",
                columns: new[] { "project_code", "year", "funding" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_reserve_movements_reserve_year_kind_description",
                table: "reserve_movements",
                columns: new[] { "reserve", "year", "kind", "description" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_task_fields_programme_code",
                table: "task_fields",
                column: "programme_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benchmark_observations");

            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropTable(
                name: "data_quality_findings");

            migrationBuilder.DropTable(
                name: "kpi_commentaries");

            migrationBuilder.DropTable(
                name: "kpi_measurements");

            migrationBuilder.DropTable(
                name: "kpi_reference_values");

            migrationBuilder.DropTable(
                name: "kpi_targets");

            migrationBuilder.DropTable(
                name: "municipality_characteristics");

            migrationBuilder.DropTable(
                name: "project_budgets");

            migrationBuilder.DropTable(
                name: "reserve_movements");

            migrationBuilder.DropTable(
                name: "task_fields");

            migrationBuilder.DropTable(
                name: "kpis");

            migrationBuilder.DropTable(
                name: "municipalities");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "programmes");
        }
    }
}
