using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StructuredDataQualityFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "domain",
                table: "data_quality_findings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "entity_code",
                table: "data_quality_findings",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "from_stage",
                table: "data_quality_findings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "from_year",
                table: "data_quality_findings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "data_quality_findings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage",
                table: "data_quality_findings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "task_field_code",
                table: "data_quality_findings",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "year",
                table: "data_quality_findings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_quality_findings_domain_task_field_code",
                table: "data_quality_findings",
                columns: new[] { "domain", "task_field_code" });

            // Fill the new columns of the findings already stored from their subject keys (a re-import would also do it).
            const string Domain = """
                CASE split_part(subject, '/', 3)
                    WHEN 'wmo' THEN 'Wmo' WHEN 'jeugd' THEN 'Jeugd' WHEN 'werkinkomen' THEN 'WerkInkomen'
                    WHEN 'sociaalplein' THEN 'SociaalPlein' WHEN 'voorveld' THEN 'Voorveld' WHEN 'sociaaldomein' THEN 'SociaalDomein'
                END
                """;
            migrationBuilder.Sql($"""
                UPDATE data_quality_findings SET
                    kind = 'Average',
                    entity_code = split_part(subject, '/', 2),
                    domain = {Domain},
                    task_field_code = NULLIF(split_part(subject, '/', 4), 'totaal'),
                    year = split_part(subject, '/', 5)::integer,
                    stage = split_part(subject, '/', 6)
                WHERE subject ~ '^average/[^/]+/[^/]+/[^/]+/[0-9]+/[A-Za-z]+$';
                """);
            migrationBuilder.Sql($"""
                UPDATE data_quality_findings SET
                    kind = split_part(subject, '/', 4),
                    entity_code = split_part(subject, '/', 2),
                    domain = {Domain},
                    from_year = split_part(split_part(subject, '/', 5), '-', 1)::integer,
                    from_stage = split_part(split_part(subject, '/', 5), '-', 2),
                    year = split_part(split_part(subject, '/', 6), '-', 1)::integer,
                    stage = split_part(split_part(subject, '/', 6), '-', 2)
                WHERE subject ~ '^summary/[^/]+/[^/]+/(Growth|BudgetDeficit)/[0-9]+-[A-Za-z]+/[0-9]+-[A-Za-z]+$';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_data_quality_findings_domain_task_field_code",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "domain",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "entity_code",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "from_stage",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "from_year",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "task_field_code",
                table: "data_quality_findings");

            migrationBuilder.DropColumn(
                name: "year",
                table: "data_quality_findings");
        }
    }
}
