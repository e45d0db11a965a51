using Microsoft.EntityFrameworkCore.Migrations;
using SocialDomain.Web.Infrastructure;

#nullable disable

namespace SocialDomain.Web.Data.Migrations
{
    /// <summary>The explanation thresholds are shown on public pages: their changes notify every instance's cache (ADR 0008).</summary>
    public partial class ThresholdCacheTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DashboardCacheNotifications.CreateTriggersSql(["explanation_threshold_settings"]));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DashboardCacheNotifications.DropTriggersSql(["explanation_threshold_settings"]));
        }
    }
}
