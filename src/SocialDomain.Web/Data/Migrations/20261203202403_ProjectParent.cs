using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parent_code",
                table: "projects",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_parent_code",
                table: "projects",
                column: "parent_code");

            migrationBuilder.AddForeignKey(
                name: "fk_projects_projects_parent_code",
                table: "projects",
                column: "parent_code",
                principalTable: "projects",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);

            // ---- Custom SQL (not model-derived): fill parent_code for the demo dataset's rows stored before this migration.
            // The parents used to be read from the codes' numbering (W7A -> W7); the seed file projects.csv now states them.
            // Only rows of the demo set (source document 001) whose parent is stored are touched.
            migrationBuilder.Sql("""
                UPDATE projects SET parent_code = 'W7_ICT'
                WHERE code IN ('W7A_ICT_INVOEREN', 'W7B_ICT_KENNISSYSTEEM', 'W7C_ICT_CRM', 'W7D_ICT_ZAAKSYSTEEM', 'W7E_ICT_GWS')
                  AND source_document = '001' AND parent_code IS NULL AND EXISTS (SELECT 1 FROM projects WHERE code = 'W7_ICT');
                UPDATE projects SET parent_code = 'W8_FORMATIE'
                WHERE code IN ('W8A_FORMATIE_OPLEIDING', 'W8B_FORMATIE_EXTRA_MEDEWERKERS')
                  AND source_document = '001' AND parent_code IS NULL AND EXISTS (SELECT 1 FROM projects WHERE code = 'W8_FORMATIE');
                """);
            // ---- End of custom SQL.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_projects_projects_parent_code",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "ix_projects_parent_code",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "parent_code",
                table: "projects");
        }
    }
}
