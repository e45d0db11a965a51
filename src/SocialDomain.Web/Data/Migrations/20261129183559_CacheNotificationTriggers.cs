using Microsoft.EntityFrameworkCore.Migrations;
using SocialDomain.Web.Infrastructure;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <summary>
    /// Statement triggers that notify every instance's output cache of a change (ADR 0008). The table list is written
    /// out here, as it stood, so the migration stays the same when later tables
    /// are added; a later content table gets its trigger in its own migration (Setup/CacheCoherenceTests checks it).
    /// </summary>
    public partial class CacheNotificationTriggers : Migration
    {
        private static readonly string[] Tables =
        [
            "municipalities", "municipality_characteristics", "programmes", "task_fields", "budget_lines", "projects",
            "project_budgets", "reserve_movements", "kpis", "kpi_targets", "kpi_measurements", "kpi_reference_values",
            "kpi_commentaries", "benchmark_observations", "data_quality_findings", "quarter_publications", "published_figures",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DashboardCacheNotifications.CreateTriggersSql(Tables));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DashboardCacheNotifications.DropTriggersSql(Tables));
        }
    }
}
