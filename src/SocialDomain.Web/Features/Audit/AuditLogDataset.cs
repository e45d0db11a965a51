using SocialDomain.Web.Exports;
using System.Data;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Features.Audit;

namespace SocialDomain.Web.Features.Audit;

/// <summary>One audit-log row: the six BIO fields plus the replayable details.</summary>
public sealed record AuditRecord(long Id, DateTimeOffset Timestamp, string Actor, string Action, string Obj, string Result, string? Origin, string? Details);

/// <param name="From">First day (Europe/Amsterdam), inclusive.</param>
/// <param name="Until">Last day (Europe/Amsterdam), inclusive.</param>
public sealed record AuditFilter(DateTimeOffset? From = null, DateTimeOffset? Until = null, string? Search = null);

/// <summary>The audit log, for administrators only; read with a raw Npgsql reader (it only grows).</summary>
public static class AuditLogDataset
{
    public const string Name = "auditlog";

    public static readonly ColumnSet<AuditRecord> Columns = new ColumnSet<AuditRecord>()
        .Integer("Id", "id", r => r.Id, "Volgnummer.")
        .Timestamp("Tijdstip", "tijdstip", r => r.Timestamp, "Wanneer (Europe/Amsterdam).")
        .Text("Actor", "actor", r => r.Actor, "Wie (gebruikersnaam; 'import' voor de importer).")
        .Text("Actie", "actie", r => r.Action, $"Wat, bijvoorbeeld {AuditActions.TargetChanged}.")
        .Text("Object", "object", r => r.Obj, "Waarop, bijvoorbeeld kpi:SP_SCORE.")
        .Text("Resultaat", "resultaat", r => r.Result, $"{AuditResults.Succeeded}, {AuditResults.Refused}, {AuditResults.Conflict}, ...")
        .Text("Herkomst", "herkomst", r => r.Origin, "IP-adres van het verzoek.")
        .Text("Details", "details", r => r.Details, "Machineleesbare details (JSON).");

    public static async IAsyncEnumerable<AuditRecord> StreamAsync(ExportConnection connection, AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT id, timestamp, actor, action, object, result, origin, details::text FROM audit_log");
        await using var command = connection.Command(string.Empty);
        var conditions = new List<string>();
        if (filter.From is { } from)
        {
            conditions.Add("timestamp >= @from");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", from.ToUniversalTime()));
        }

        if (filter.Until is { } until)
        {
            conditions.Add("timestamp < @until");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("until", until.ToUniversalTime()));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // As the audit page: ILIKE with a bound parameter, % and _ matched literally.
            conditions.Add("(actor ILIKE @search OR action ILIKE @search OR object ILIKE @search)");
            var pattern = LikePattern.Contains(filter.Search);
            command.Parameters.Add(new NpgsqlParameter<string>("search", pattern));
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY timestamp, id");
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditRecord(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                await reader.IsDBNullAsync(6, cancellationToken) ? null : reader.GetString(6),
                await reader.IsDBNullAsync(7, cancellationToken) ? null : reader.GetString(7));
        }
    }
}
