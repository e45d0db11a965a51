using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Exports;

/// <summary>
/// A connection of its own for a streaming bulk read with a raw Npgsql reader: one read-only REPEATABLE READ
/// transaction (a consistent snapshot however long the download takes) with a statement time-out that fits a
/// download (<c>Exports:StatementTimeoutSeconds</c>, default 900) instead of the dashboard's 15 seconds: PostgreSQL
/// counts the time a slow client takes to receive the rows as statement time.
/// </summary>
public sealed class ExportConnection : IAsyncDisposable
{
    public const int DefaultStatementTimeoutSeconds = 900;

    private ExportConnection(NpgsqlConnection connection, NpgsqlTransaction transaction, int timeoutSeconds)
    {
        Connection = connection;
        Transaction = transaction;
        TimeoutSeconds = timeoutSeconds;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public int TimeoutSeconds { get; }

    public static async Task<ExportConnection> OpenAsync(SocialDomainDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var timeout = Math.Clamp(configuration.GetValue("Exports:StatementTimeoutSeconds", DefaultStatementTimeoutSeconds), 1, 24 * 3600);
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await using (var setup = new NpgsqlCommand("SET TRANSACTION READ ONLY; SELECT set_config('statement_timeout', @timeout, true)", connection, transaction))
            {
                setup.Parameters.AddWithValue("timeout", $"{timeout * 1000}");
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            return new ExportConnection(connection, transaction, timeout);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public NpgsqlCommand Command(string sql)
    {
        var command = new NpgsqlCommand(sql, Connection, Transaction) { CommandTimeout = TimeoutSeconds };
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
