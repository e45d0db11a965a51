using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_drafts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_drafts_expires_at",
                table: "import_drafts",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_import_drafts_owner",
                table: "import_drafts",
                column: "owner");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_drafts");
        }
    }
}
