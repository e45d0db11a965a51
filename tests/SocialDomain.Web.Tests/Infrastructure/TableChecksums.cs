using Npgsql;

namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>An md5 of every public table's full contents, to prove that nothing changed.</summary>
public static class TableChecksums
{
    public static async Task<Dictionary<string, string>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await TablesAsync(connection);
        var sums = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            // Table names come from the catalog, not from input; quote them as identifiers.
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            sums[table] = (string)(await command.ExecuteScalarAsync())!;
        }

        return sums;
    }

    /// <summary>The number of rows of every public table, in one round trip (cheaper than <see cref="ReadAsync"/> per request).</summary>
    public static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await TablesAsync(connection);

        // Table names come from the catalog, not from input; quote them as identifiers.
        await using var command = new NpgsqlCommand("SELECT " + string.Join(", ", tables.Select((t, i) => $"(SELECT count(*) FROM \"{t}\") AS c{i}")), connection);
        await using var counts = await command.ExecuteReaderAsync();
        await counts.ReadAsync();
        return tables.Select((t, i) => (Table: t, Count: counts.GetInt64(i))).ToDictionary(x => x.Table, x => x.Count);
    }

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1", connection);
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
