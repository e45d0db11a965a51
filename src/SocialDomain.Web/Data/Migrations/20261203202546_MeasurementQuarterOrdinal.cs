using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeasurementQuarterOrdinal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "quarter_ordinal",
                table: "kpi_measurements",
                type: "integer",
                nullable: false,
                computedColumnSql: "year * 4 + COALESCE(quarter, 4) - 1",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_measurements_kpi_id_quarter_ordinal",
                table: "kpi_measurements",
                columns: new[] { "kpi_id", "quarter_ordinal" });

            migrationBuilder.CreateIndex(
                name: "ix_kpi_measurements_quarter_ordinal",
                table: "kpi_measurements",
                column: "quarter_ordinal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_kpi_measurements_kpi_id_quarter_ordinal",
                table: "kpi_measurements");

            migrationBuilder.DropIndex(
                name: "ix_kpi_measurements_quarter_ordinal",
                table: "kpi_measurements");

            migrationBuilder.DropColumn(
                name: "quarter_ordinal",
                table: "kpi_measurements");
        }
    }
}
