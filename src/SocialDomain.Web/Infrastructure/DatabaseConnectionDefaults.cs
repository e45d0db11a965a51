using Npgsql;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Time limits every database connection gets unless the configured connection string sets them
/// itself, so that requests fail fast (and the app answers 503) instead of piling up when the
/// database is slow, down or out of connections; and automatic preparation of frequent statements.
/// See docs/operations.md.
/// </summary>
public static class DatabaseConnectionDefaults
{
    /// <summary>Npgsql <c>Timeout</c>: seconds to open a connection or to wait for a free one in the pool (Npgsql's own default is 15).</summary>
    public const int ConnectTimeoutSeconds = 3;

    /// <summary>PostgreSQL <c>statement_timeout</c>: the server cancels a statement that runs longer.</summary>
    public const int StatementTimeoutMilliseconds = 15_000;

    /// <summary>Npgsql <c>Command Timeout</c>: the client gives up a little after the server would have.</summary>
    public const int CommandTimeoutSeconds = 20;

    /// <summary>
    /// Npgsql <c>Max Auto Prepare</c>: statements run often on a connection are prepared on the server, so PostgreSQL
    /// skips parsing and planning them again (the KPI page's first query took 4 ms to plan). Issue 21: with this and
    /// <see cref="NoResetOnClose"/> the signed-in KPI page went from about 190 to 270–330 requests/s (docs/performance.md).
    /// </summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// Npgsql <c>No Reset On Close</c>: a connection returned to the pool is not reset with <c>DISCARD ALL</c>, which would
    /// drop its prepared statements. The app keeps no session state on pooled connections (no <c>SET</c>, temporary
    /// tables or <c>LISTEN</c>; the start-up advisory lock is released in a <c>finally</c>).
    /// </summary>
    public const bool NoResetOnClose = true;

    /// <summary>
    /// Adds <c>Timeout</c>, <c>Command Timeout</c>, <c>statement_timeout</c> (in <c>Options</c>), <c>Max Auto Prepare</c>
    /// and <c>No Reset On Close</c> to
    /// <paramref name="connectionString"/> where it does not set them already; everything else is kept.
    /// </summary>
    /// <remarks>A string Npgsql cannot parse is returned unchanged, so that the start-up probe reports it.</remarks>
    public static string Apply(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return connectionString;
        }

        // Npgsql writes back only the keywords that were set, under their canonical names
        // (e.g. "timeout" becomes "Timeout"), so this tells "set to the default" from "not set".
        var explicitlySet = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!explicitlySet.ContainsKey("Timeout"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        if (!explicitlySet.ContainsKey("Command Timeout"))
        {
            builder.CommandTimeout = CommandTimeoutSeconds;
        }

        if (!explicitlySet.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!explicitlySet.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = NoResetOnClose;
        }

        var options = builder.Options ?? string.Empty;
        if (!options.Contains("statement_timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Options = $"{options} -c statement_timeout={StatementTimeoutMilliseconds}".Trim();
        }

        return builder.ConnectionString;
    }

    /// <summary>Host, port and database of a connection string, for messages: never the password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "ongeldige connection string";
        }
    }
}
