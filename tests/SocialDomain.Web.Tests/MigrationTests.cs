using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests;

[Collection(DatabaseCollection.Name)]
public class MigrationTests(TestDatabase database)
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndLeaveNothingPending()
    {
        var name = "migrate_" + Guid.NewGuid().ToString("N")[..10];
        DatabaseSetup.EnsureDatabase(database.ServerConnectionString, name);
        var connectionString = new NpgsqlConnectionStringBuilder(database.ServerConnectionString) { Database = name }.ConnectionString;
        try
        {
            await using (var db = TestDatabase.CreateContext(connectionString))
            {
                (await db.Database.GetAppliedMigrationsAsync()).Should().BeEmpty();
                await db.Database.MigrateAsync();
                (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
                db.Database.HasPendingModelChanges().Should().BeFalse("every model change has its migration (also after merging two branches' migrations)");
                (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
            }

            var tables = await ListTablesAsync(connectionString);
            tables.Should().Contain(
            [
                "municipalities", "municipality_characteristics", "programmes", "task_fields", "budget_lines",
                "projects", "project_budgets", "reserve_movements", "kpis", "kpi_targets", "kpi_measurements",
                "kpi_reference_values", "kpi_commentaries", "benchmark_observations", "data_quality_findings",
            ]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(database.ServerConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Schema_UsesExactNumericAndTimestamptz_ForMoneyAndInstants()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT table_name || '.' || column_name, data_type
            FROM information_schema.columns
            WHERE table_schema = 'public' AND (column_name IN ('amount', 'value', 'value_per_inhabitant', 'target_value', 'changed_at', 'updated_at'))
            """, connection);
        var types = new Dictionary<string, string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        types["budget_lines.amount"].Should().Be("numeric");
        types["kpi_measurements.value"].Should().Be("numeric");
        types["benchmark_observations.value_per_inhabitant"].Should().Be("numeric");
        types["kpi_targets.target_value"].Should().Be("numeric");
        types["kpi_targets.changed_at"].Should().Be("timestamp with time zone");
        types["kpi_commentaries.updated_at"].Should().Be("timestamp with time zone");
    }

    private static async Task<List<string>> ListTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
