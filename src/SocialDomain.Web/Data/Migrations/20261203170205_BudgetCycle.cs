using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BudgetCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_budget_lines_scope_scope_code_year_stage_measure",
                table: "budget_lines");

            migrationBuilder.AddColumn<DateOnly>(
                name: "change_date",
                table: "budget_lines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "change_number",
                table: "budget_lines",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "change_reason",
                table: "budget_lines",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "correction_reason",
                table: "budget_lines",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "period_end",
                table: "budget_lines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "recorded_at",
                table: "budget_lines",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<string>(
                name: "recorded_by",
                table: "budget_lines",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "replaces_id",
                table: "budget_lines",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_replaces_id",
                table: "budget_lines",
                column: "replaces_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_scope_scope_code_year_stage_measure",
                table: "budget_lines",
                columns: new[] { "scope", "scope_code", "year", "stage", "measure" });

            migrationBuilder.AddForeignKey(
                name: "fk_budget_lines_budget_lines_replaces_id",
                table: "budget_lines",
                column: "replaces_id",
                principalTable: "budget_lines",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_budget_lines_budget_lines_replaces_id",
                table: "budget_lines");

            migrationBuilder.DropIndex(
                name: "ix_budget_lines_replaces_id",
                table: "budget_lines");

            migrationBuilder.DropIndex(
                name: "ix_budget_lines_scope_scope_code_year_stage_measure",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "change_date",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "change_number",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "change_reason",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "correction_reason",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "period_end",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "recorded_at",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                table: "budget_lines");

            migrationBuilder.DropColumn(
                name: "replaces_id",
                table: "budget_lines");

            migrationBuilder.CreateIndex(
                name: "ix_budget_lines_scope_scope_code_year_stage_measure",
                table: "budget_lines",
                columns: new[] { "scope", "scope_code", "year", "stage", "measure" },
                unique: true);
        }
    }
}
