using System.Data;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>A KPI measurement with its KPI's codes, whether it is published and the value it had at publication.</summary>
public sealed record MeasurementRecord(
    string KpiCode,
    string KpiName,
    SocialDomainArea Domain,
    string? ProgrammeCode,
    KpiUnit Unit,
    int Year,
    int? Quarter,
    decimal Value,
    MeasurementStatus Status,
    bool IsSynthetic,
    bool IsPublished,
    decimal? PublishedValue,
    string SourceDocument,
    string SourceSection,
    string? Note,
    StatedPeriod Stated = default,
    ValueBound Bound = ValueBound.Exact)
{
    /// <summary>"≥ " or "≤ " before a value that is only a bound; empty for an exact value.</summary>
    public string BoundPrefix => BoundText.Prefix(Bound);

    public string Period => Visibility.PeriodText(Year, Quarter);

    /// <summary>The period as the source gives it ("juli 2019", "2017–2019", "peildatum onbekend …"); else <see cref="Period"/>.</summary>
    public string PeriodLabel => Stated.Label(MeasuredPeriod);

    /// <summary>The period as a <see cref="Core.Domain.Period"/> (the KPI page's axis and table).</summary>
    public Period MeasuredPeriod => new(Year, Quarter);

    /// <summary>True when a publication showed another value for this period (the page marks it "gewijzigd na publicatie").</summary>
    public bool IsCorrected => Visibility.IsChangedAfterPublication(Value, PublishedValue);
}

/// <summary>Filters of the measurements export and API; all optional.</summary>
public sealed record MeasurementFilter(
    string? KpiCode = null,
    Period? Period = null,
    int? Year = null,
    SocialDomainArea? Domain = null,
    bool? Synthetic = null,
    bool PublishedOnly = true);

/// <summary>
/// Measurements: one row per KPI per period. Read with a raw Npgsql reader in one statement (KPI, publication
/// state and first published value joined in), so that a million rows stream with flat memory.
/// </summary>
public static class MeasurementDataset
{
    public const string Name = "metingen";

    public static readonly ColumnSet<MeasurementRecord> Columns = new ColumnSet<MeasurementRecord>()
        .Text("KPI-code", "kpiCode", r => r.KpiCode, "Code van de KPI, bijvoorbeeld SP_SCORE.")
        .Text("KPI", "kpiNaam", r => r.KpiName, "Naam van de KPI.")
        .Text("Domein-code", "domeinCode", r => Codes.Domain(r.Domain), "Domein als code: wmo, jeugd, werk_inkomen, sociaal_plein, voorveld, sociaal_domein.")
        .Text("Domein", "domein", r => DutchText.Domain(r.Domain), "Domein in het Nederlands.")
        .Text("Programma-code", "programmaCode", r => r.ProgrammeCode, "Nummer van het begrotingsprogramma; leeg als de KPI bij geen programma hoort.")
        .Text("Periode", "periode", r => r.Period, "Periode van de meting: een jaar (2020) of een kwartaal (2020-K3).")
        .Integer("Jaar", "jaar", r => r.Year, "Jaar van de meting.")
        .Integer("Kwartaal", "kwartaal", r => r.Quarter, "Kwartaal 1–4; leeg als de meting over het hele jaar gaat.")
        .Number("Waarde", "waarde", r => r.Value, "Gemeten waarde, in de eenheid van de KPI.")
        .Text("Eenheid-code", "eenheidCode", r => Codes.Unit(r.Unit), "Eenheid als code: percent, weeks, days, score, count, euro, euro_per_inhabitant, per_10000.")
        .Text("Eenheid", "eenheid", r => DutchText.Unit(r.Unit), "Eenheid in het Nederlands.")
        .Text("Status-code", "statusCode", r => Codes.MeasurementStatus(r.Status), "final (definitief) of provisional (voorlopig).")
        .Text("Status", "status", r => DutchText.MeasurementStatus(r.Status), "Definitief of voorlopig.")
        .Boolean("Synthetisch", "synthetisch", r => r.IsSynthetic, "Ja voor gegenereerde demonstratiegegevens die niet uit een brondocument komen.")
        .Boolean("Gepubliceerd", "gepubliceerd", r => r.IsPublished, "Ja als de meting valt in of vóór het laatst gepubliceerde kwartaal (een jaarcijfer telt vanaf het vierde kwartaal).")
        .Boolean("Gewijzigd na publicatie", "gewijzigdNaPublicatie", r => r.IsCorrected, "Ja als een publicatie voor deze periode een andere waarde toonde.")
        .Number("Waarde bij publicatie", "waardeBijPublicatie", r => r.IsCorrected ? r.PublishedValue : null, "De waarde zoals die bij de eerste publicatie werd getoond; alleen gevuld als de waarde daarna is gewijzigd.")
        .Text("Brondocument", "brondocument", r => r.SourceDocument, "Brondocument (000–004, zie docs/data-sources.md).")
        .Text("Bronsectie", "bronsectie", r => r.SourceSection, "Sectie en regelnummers in het brondocument.")
        .Text("Opmerking", "opmerking", r => r.Note, "Opmerking bij de meting.")
        .Text("Grens", "grens", r => r.Bound == ValueBound.Exact ? null : Vocabulary.ValueBounds.Token(r.Bound),
            "Leeg als de waarde zelf gemeten is; ten_minste of hoogstens als de bron alleen zegt dat een doel is gehaald (de waarde is dan de grens).")
        .Text("Periode zoals vermeld", "periodeZoalsVermeld", r => r.Stated.Token(r.MeasuredPeriod),
            "Leeg als de bron het jaar of kwartaal geeft; anders de maand (2019-07), de reeks jaren (2017/2019) of 'onbekend' (de bron geeft geen peildatum; Jaar is dan het jaar van de bron).");

    private static readonly string Select = $"""
        WITH {Visibility.Sql.FirstPublishedCte},
        {Visibility.Sql.LatestPublishedCte}
        SELECT k.code, k.name, k.domain, k.programme_code, k.unit, m.year, m.quarter, m.value, m.status, m.is_synthetic,
               {Visibility.Sql.IsPublished("m")} AS is_published,
               fp.value AS published_value, m.source_document, m.source_section, m.note, m.period_precision, m.period_detail, m.bound
        FROM kpi_measurements m
        JOIN kpis k ON k.id = m.kpi_id
        CROSS JOIN latest
        LEFT JOIN first_published fp ON fp.kpi_id = m.kpi_id AND fp.year = m.year AND fp.quarter = coalesce(m.quarter, 0)
        """;

    private static readonly string Count = $"""
        WITH {Visibility.Sql.LatestPublishedCte}
        SELECT count(*)
        FROM kpi_measurements m
        JOIN kpis k ON k.id = m.kpi_id
        CROSS JOIN latest
        """;

    /// <summary>
    /// <see cref="StreamAsync"/> on an export connection of its own (<see cref="ExportConnection"/>: one snapshot, the
    /// export's statement timeout), opened when the first row is asked for and closed after the last.
    /// </summary>
    public static async IAsyncEnumerable<MeasurementRecord> StreamOnOwnConnectionAsync(SocialDomain.Web.Data.SocialDomainDbContext db,
        IConfiguration configuration, MeasurementFilter filter, long? offset, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await ExportConnection.OpenAsync(db, configuration, cancellationToken);
        await foreach (var row in StreamAsync(connection, filter, offset, limit, cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>Every matching row, in KPI code and period order, read while it is written.</summary>
    public static async IAsyncEnumerable<MeasurementRecord> StreamAsync(
        ExportConnection connection, MeasurementFilter filter, long? offset, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(Select);
        await using var command = connection.Command(string.Empty);
        AppendWhere(sql, command, filter);
        sql.Append(" ORDER BY k.code COLLATE \"C\", m.year, m.quarter NULLS FIRST");
        if (limit is { } l)
        {
            sql.Append(" LIMIT @limit OFFSET @offset");
            command.Parameters.Add(new NpgsqlParameter<int>("limit", l));
            command.Parameters.Add(new NpgsqlParameter<long>("offset", offset ?? 0));
        }

        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new MeasurementRecord(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<SocialDomainArea>(reader.GetString(2)),
                await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3),
                Enum.Parse<KpiUnit>(reader.GetString(4)),
                reader.GetInt32(5),
                await reader.IsDBNullAsync(6, cancellationToken) ? null : reader.GetInt32(6),
                reader.GetDecimal(7),
                Enum.Parse<MeasurementStatus>(reader.GetString(8)),
                reader.GetBoolean(9),
                reader.GetBoolean(10),
                await reader.IsDBNullAsync(11, cancellationToken) ? null : reader.GetDecimal(11),
                reader.GetString(12),
                reader.GetString(13),
                await reader.IsDBNullAsync(14, cancellationToken) ? null : reader.GetString(14),
                new StatedPeriod(Enum.Parse<PeriodPrecision>(reader.GetString(15)), await reader.IsDBNullAsync(16, cancellationToken) ? null : reader.GetInt32(16)),
                Enum.Parse<ValueBound>(reader.GetString(17)));
        }
    }

    public static async Task<long> CountAsync(ExportConnection connection, MeasurementFilter filter, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(Count);
        await using var command = connection.Command(string.Empty);
        AppendWhere(sql, command, filter);
        command.CommandText = sql.ToString();
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AppendWhere(StringBuilder sql, NpgsqlCommand command, MeasurementFilter filter)
    {
        var conditions = new List<string>();
        if (filter.KpiCode is { } code)
        {
            conditions.Add("k.code = @kpi");
            command.Parameters.Add(new NpgsqlParameter<string>("kpi", code));
        }

        if (filter.Period is { } period)
        {
            conditions.Add(period.Quarter is null ? "m.year = @period_year AND m.quarter IS NULL" : "m.year = @period_year AND m.quarter = @period_quarter");
            command.Parameters.Add(new NpgsqlParameter<int>("period_year", period.Year));
            if (period.Quarter is { } q)
            {
                command.Parameters.Add(new NpgsqlParameter<int>("period_quarter", q));
            }
        }

        if (filter.Year is { } year)
        {
            conditions.Add("m.year = @year");
            command.Parameters.Add(new NpgsqlParameter<int>("year", year));
        }

        if (filter.Domain is { } domain)
        {
            conditions.Add("k.domain = @domain");
            command.Parameters.Add(new NpgsqlParameter<string>("domain", domain.ToString()) { NpgsqlDbType = NpgsqlDbType.Text });
        }

        if (filter.Synthetic is { } synthetic)
        {
            conditions.Add("m.is_synthetic = @synthetic");
            command.Parameters.Add(new NpgsqlParameter<bool>("synthetic", synthetic));
        }

        if (filter.PublishedOnly)
        {
            conditions.Add(Visibility.Sql.IsPublished("m"));
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }
    }
}
