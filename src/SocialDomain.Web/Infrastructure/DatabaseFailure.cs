using Npgsql;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Tells database outages (server down or restarting, connection broken, pool exhausted, statement
/// timed out, database or credentials gone) apart from programming errors. Outages become a 503
/// page; everything else stays a 500. EF Core and other libraries wrap Npgsql's exceptions, so the
/// whole chain of inner exceptions is searched.
/// </summary>
public static class DatabaseFailure
{
    /// <summary>True when <paramref name="exception"/> (or an inner one) means the database cannot serve right now.</summary>
    public static bool IsUnavailable(Exception exception) => Find(exception) switch
    {
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        NpgsqlException => true, // connection refused, broken stream, connect timeout, pool exhausted, command timeout
        _ => false,
    };

    /// <summary>True when the failure is a time-out (connect, pool wait, command, statement_timeout): retrying only adds waiting.</summary>
    public static bool IsTimeout(Exception exception) =>
        Chain(exception).Any(e => e is TimeoutException || e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled });

    /// <summary>A short, password-free reason for logs: SQLSTATE or exception type and message.</summary>
    public static string Describe(Exception exception) => Find(exception) switch
    {
        PostgresException postgres => $"{postgres.SqlState} {postgres.MessageText}",
        NpgsqlException npgsql => $"{npgsql.GetType().Name}: {npgsql.Message}"
            + (npgsql.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : string.Empty),
        _ => exception.GetType().Name,
    };

    /// <summary>
    /// SQLSTATEs that mean "not available now": connection exceptions (08), insufficient resources
    /// such as too many connections (53), operator intervention such as admin_shutdown, crash_shutdown,
    /// cannot_connect_now and query_canceled by statement_timeout (57), system errors (58), a database
    /// that does not exist (3D000) and rejected credentials (28).
    /// </summary>
    public static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57", StringComparison.Ordinal)
        || sqlState.StartsWith("58", StringComparison.Ordinal)
        || sqlState.StartsWith("28", StringComparison.Ordinal)
        || sqlState == PostgresErrorCodes.InvalidCatalogName;

    private static NpgsqlException? Find(Exception exception) => Chain(exception).OfType<NpgsqlException>().FirstOrDefault();

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
