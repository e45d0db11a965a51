using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SocialDomain.Core.Domain;

namespace SocialDomain.Benchmarks.Load;

/// <summary>
/// The load benchmark's data: clearly synthetic ("Synthetische gemeente 001", codes SYN…, source document
/// "synthetisch", <c>is_synthetic = true</c> where the column exists), generated with a fixed seed and loaded with
/// Npgsql binary COPY into an empty, migrated database of its own. Never touches the seed data.
/// </summary>
/// <remarks>
/// Shapes follow the sources and the calculation-layer benchmark: 342 municipalities (40 of them G40, 4 of them
/// G4, 8 size classes) plus the aggregates G40, G4, GK1–GK8 and NL, × 25 years (1996–2020) × 7 task fields and
/// the 3 domain totals × 2 stages (annual accounts and budget: the two stages the model knows); and 500 KPIs ×
/// 40 quarters (2011-K1 … 2020-K4) with target versions, published commentary for the last 8 quarters and
/// yearly reference values. The growth part of the load test loads other <see cref="DatasetShape"/>s (more or fewer
/// KPIs, a longer history ending in the same quarter, more or fewer municipalities) into databases of their own.
/// </remarks>
public static class SyntheticDataset
{
    public const int Seed = 20201;
    public const int G40Members = 40;
    public const int FirstYear = 1996;
    public const int Years = 25;
    public const int CommentedQuarters = 8;

    /// <summary>The load test's dataset: 500 KPIs × 40 quarters (2011-K1 … 2020-K4), 342 municipalities.</summary>
    public static DatasetShape Default { get; } = new(500, 40, 342);

    public const string SourceDocument = "synthetisch";
    public const string KpiCodePrefix = "SYN_K";
    public const string ExportKpiCodePrefix = "SYN_X";

    private const string SourceSection = "Load-benchmarkgenerator (SocialDomain.Benchmarks), seed 20201";

    private static readonly (string Code, string Name, SocialDomainArea Domain, string Programme, bool InBenchmark)[] TaskFields =
    [
        ("6.1", "Samenkracht en burgerparticipatie", SocialDomainArea.Voorveld, "2", true),
        ("6.2", "Wijkteams", SocialDomainArea.Voorveld, "2", true),
        ("6.3", "Inkomensregelingen", SocialDomainArea.WerkInkomen, "3", false),
        ("6.4", "Begeleide participatie", SocialDomainArea.WerkInkomen, "3", false),
        ("6.5", "Arbeidsparticipatie", SocialDomainArea.WerkInkomen, "3", false),
        ("6.6", "Maatwerkvoorzieningen (Wmo)", SocialDomainArea.Wmo, "2", true),
        ("6.71", "Maatwerkdienstverlening 18+", SocialDomainArea.Wmo, "2", true),
        ("6.72", "Maatwerkdienstverlening 18-", SocialDomainArea.Jeugd, "2", true),
        ("6.81", "Geëscaleerde zorg 18+", SocialDomainArea.Wmo, "2", true),
        ("6.82", "Geëscaleerde zorg 18-", SocialDomainArea.Jeugd, "2", true),
    ];

    private static readonly SocialDomainArea[] BenchmarkDomains = [SocialDomainArea.Jeugd, SocialDomainArea.Wmo, SocialDomainArea.Voorveld];

    private static readonly SocialDomainArea[] KpiDomains =
    [
        SocialDomainArea.Wmo, SocialDomainArea.Jeugd, SocialDomainArea.WerkInkomen,
        SocialDomainArea.SociaalPlein, SocialDomainArea.Voorveld, SocialDomainArea.SociaalDomein,
    ];

    private static readonly string[] Themes =
    [
        "aanvragen afgehandeld binnen de termijn", "tevredenheid over de dienstverlening", "wachttijd tot de eerste afspraak",
        "cliënten per 10.000 inwoners", "uitstroom naar werk", "herhaalde meldingen", "kosten per cliënt", "doorlooptijd bezwaar",
    ];

    /// <summary>Row counts of what was loaded, for the log.</summary>
    public sealed record LoadSummary(int Entities, int Observations, int Kpis, int Targets, int Measurements, int Commentaries, int ReferenceValues, TimeSpan Elapsed);

    /// <summary>The code of the synthetic KPI with this number (1–500), e.g. SYN_K001.</summary>
    public static string KpiCode(int index) => $"{KpiCodePrefix}{index:D3}";

    /// <summary>The name of the synthetic KPI with this number, as the overview and the KPI page show it (its start).</summary>
    public static string KpiName(int index) => $"Synthetische KPI {index:D3}";

    public static async Task<LoadSummary> LoadAsync(string connectionString, DatasetShape shape, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(Seed);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await CopyProgrammesAndTaskFieldsAsync(connection, cancellationToken);
        var (entities, observations) = await CopyBenchmarkAsync(connection, random, shape.Municipalities, cancellationToken);
        var (targets, measurements, commentaries, references) = await CopyKpisAsync(connection, random, shape, cancellationToken);
        await ResetIdentityAsync(connection, "kpis", cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return new LoadSummary(entities, observations, shape.Kpis, targets, measurements, commentaries, references, stopwatch.Elapsed);
    }

    /// <summary>
    /// Adds KPIs (without targets or commentary) with 40 quarterly measurements each until kpi_measurements holds
    /// <paramref name="totalRows"/> rows, for the CSV export measurement. Returns the number of rows added.
    /// </summary>
    public static async Task<int> AddExportMeasurementsAsync(string connectionString, int totalRows, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        long existing;
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM kpi_measurements", connection))
        {
            existing = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var missing = totalRows - (int)existing;
        if (missing <= 0)
        {
            return 0;
        }

        var shape = Default;
        var extraKpis = (missing + shape.Quarters - 1) / shape.Quarters;
        var random = new Random(Seed + 1);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var maxId = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM kpis", connection, transaction);
        var firstId = (int)(await maxId.ExecuteScalarAsync(cancellationToken))! + 1;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY kpis (id, code, name, definition, unit, direction, frequency, data_source, domain, programme_code, owner, "
            + "source_document, source_section, target_revision) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < extraKpis; i++)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(firstId + i, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync($"{ExportKpiCodePrefix}{i + 1:D5}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync($"Synthetische export-KPI {i + 1:D5}", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("Synthetische indicator voor de meting van de CSV-export; geen echte cijfers.", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(nameof(KpiUnit.Count), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(nameof(KpiDirection.Informative), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(nameof(KpiFrequency.Quarter), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("Synthetische bron", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(KpiDomains[i % KpiDomains.Length].ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("2", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync("Synthetisch team", NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(SourceDocument, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(SourceSection, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        var added = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(MeasurementCopy, cancellationToken))
        {
            for (var i = 0; i < extraKpis && added < missing; i++)
            {
                var level = 100 + (random.NextDouble() * 900);
                for (var q = 0; q < shape.Quarters && added < missing; q++, added++)
                {
                    level *= 1 + ((random.NextDouble() - 0.45) * 0.05);
                    await WriteMeasurementAsync(writer, firstId + i, shape.QuarterAt(q), Math.Round((decimal)level, 0), q == shape.Quarters - 1, cancellationToken);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await ResetIdentityAsync(connection, "kpis", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE kpis, kpi_measurements", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }

    private const string MeasurementCopy =
        "COPY kpi_measurements (kpi_id, year, quarter, value, status, is_synthetic, note, source_document, source_section) FROM STDIN (FORMAT BINARY)";

    private static async Task WriteMeasurementAsync(NpgsqlBinaryImporter writer, int kpiId, Period period, decimal value, bool provisional, CancellationToken ct)
    {
        await writer.StartRowAsync(ct);
        await writer.WriteAsync(kpiId, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(period.Year, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(period.Quarter!.Value, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(value, NpgsqlDbType.Numeric, ct);
        await writer.WriteAsync(provisional ? nameof(MeasurementStatus.Provisional) : nameof(MeasurementStatus.Final), NpgsqlDbType.Varchar, ct);
        await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
        await writer.WriteNullAsync(ct);
        await writer.WriteAsync(SourceDocument, NpgsqlDbType.Varchar, ct);
        await writer.WriteAsync(SourceSection, NpgsqlDbType.Varchar, ct);
    }

    private static async Task CopyProgrammesAndTaskFieldsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var writer = await connection.BeginBinaryImportAsync("COPY programmes (code, name) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (code, name) in new[] { ("2", "Zorg (synthetisch)"), ("3", "Werken (synthetisch)"), ("4", "Bestuur (synthetisch)") })
            {
                await writer.WriteRowAsync(ct, code, name);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY task_fields (code, name, domain, programme_code) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var field in TaskFields)
            {
                await writer.WriteRowAsync(ct, field.Code, field.Name, field.Domain.ToString(), field.Programme);
            }

            await writer.CompleteAsync(ct);
        }
    }

    private static async Task<(int Entities, int Observations)> CopyBenchmarkAsync(NpgsqlConnection connection, Random random, int municipalities, CancellationToken ct)
    {
        var codes = Enumerable.Range(1, municipalities).Select(i => $"SYN{i:D4}").ToArray();
        var names = Enumerable.Range(1, municipalities).Select(i => $"Synthetische gemeente {i:D3}").ToArray();
        var sizeClass = Enumerable.Range(0, municipalities).Select(_ => 1 + random.Next(8)).ToArray();
        var g40 = Enumerable.Range(0, municipalities).OrderBy(_ => random.Next()).Take(G40Members).ToHashSet();
        // The G4 are not G40 members; with 40 municipalities or fewer they are drawn from all.
        var g4Candidates = municipalities - g40.Count >= 4 ? Enumerable.Range(0, municipalities).Where(m => !g40.Contains(m)) : Enumerable.Range(0, municipalities);
        var g4 = g4Candidates.OrderBy(_ => random.Next()).Take(4).ToHashSet();

        var aggregates = new List<(string Code, string Name, string Kind, Func<int, bool> Member)>
        {
            ("G40", "Gemiddelde van G40 gemeenten (synthetisch)", "G40Average", g40.Contains),
            ("G4", "Gemiddelde G4 (synthetisch)", "G4Average", g4.Contains),
            ("NL", "Nederland (synthetisch)", "Netherlands", _ => true),
        };
        for (var k = 1; k <= 8; k++)
        {
            var size = k;
            aggregates.Add(($"GK{k}", $"Synthetische grootteklasse {k}", "SizeClass", m => sizeClass[m] == size));
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY municipalities (code, name, kind, is_g40, is_g4, size_class_code, aliases) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var aggregate in aggregates)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(aggregate.Code, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(aggregate.Name, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(aggregate.Kind, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await writer.WriteNullAsync(ct);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }

            for (var m = 0; m < municipalities; m++)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(codes[m], NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(names[m], NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync("Municipality", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(g40.Contains(m), NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(g4.Contains(m), NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync($"GK{sizeClass[m]}", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(new[] { $"Gemeente {names[m]}" }, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY municipality_characteristics (municipality_code, snapshot, population, pct_low_income, pct_youth_0_19, "
            + "pct_youth_with_youth_care, pct_aged_65_74, pct_aged_75_plus, source_document, source_section) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var m = 0; m < municipalities; m++)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(codes[m], NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(new DateOnly(2020, 9, 1), NpgsqlDbType.Date, ct);
                await writer.WriteAsync(5_000 * sizeClass[m] * sizeClass[m] + random.Next(20_000), NpgsqlDbType.Integer, ct);
                foreach (var (low, spread) in new[] { (12.0, 20.0), (18.0, 6.0), (6.0, 6.0), (9.0, 5.0), (6.0, 5.0) })
                {
                    await writer.WriteAsync(Math.Round((decimal)(low + (random.NextDouble() * spread)), 1), NpgsqlDbType.Numeric, ct);
                }

                await writer.WriteAsync(SourceDocument, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(SourceSection, NpgsqlDbType.Varchar, ct);
            }

            await writer.CompleteAsync(ct);
        }

        // Saldo per inhabitant (negative = net cost) per field × municipality, with a random walk over the years.
        var fields = TaskFields.Where(f => f.InBenchmark).ToArray();
        var rows = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY benchmark_observations (municipality_code, domain, task_field_code, year, stage, value_per_inhabitant, source_name, "
            + "source_document, source_section) FROM STDIN (FORMAT BINARY)", ct))
        {
            var level = fields.Select(_ => Enumerable.Range(0, municipalities).Select(_ => 20 + (random.NextDouble() * 250)).ToArray()).ToArray();
            for (var y = 0; y < Years; y++)
            {
                foreach (var stage in new[] { BenchmarkStage.AnnualAccounts, BenchmarkStage.Budget })
                {
                    // values[field][municipality]; about 1 % missing (printed "-" in the sources).
                    var values = new decimal?[fields.Length][];
                    for (var f = 0; f < fields.Length; f++)
                    {
                        values[f] = new decimal?[municipalities];
                        for (var m = 0; m < municipalities; m++)
                        {
                            if (stage == BenchmarkStage.AnnualAccounts)
                            {
                                level[f][m] *= 1 + ((random.NextDouble() - 0.4) * 0.1);
                            }

                            var budgetFactor = stage == BenchmarkStage.Budget ? 0.97 : 1.0;
                            values[f][m] = random.NextDouble() < 0.01 ? null : -Math.Round((decimal)(level[f][m] * budgetFactor), 1);
                        }
                    }

                    for (var f = 0; f <= fields.Length + BenchmarkDomains.Length - 1; f++)
                    {
                        // f < fields.Length: a task field; otherwise a domain total (sum of the domain's fields).
                        var isTotal = f >= fields.Length;
                        var domain = isTotal ? BenchmarkDomains[f - fields.Length] : fields[f].Domain;
                        var taskField = isTotal ? null : fields[f].Code;
                        var members = isTotal
                            ? Enumerable.Range(0, fields.Length).Where(i => fields[i].Domain == domain).ToArray()
                            : [f];
                        decimal? Value(int m) => members.All(i => values[i][m] is not null) ? members.Sum(i => values[i][m]!.Value) : null;

                        for (var m = 0; m < municipalities; m++)
                        {
                            await WriteObservationAsync(writer, codes[m], names[m], domain, taskField, FirstYear + y, stage, Value(m), ct);
                            rows++;
                        }

                        foreach (var aggregate in aggregates)
                        {
                            var memberValues = Enumerable.Range(0, municipalities).Where(aggregate.Member).Select(Value).Where(v => v is not null).Select(v => v!.Value).ToList();
                            decimal? mean = memberValues.Count == 0 ? null : Math.Round(memberValues.Average(), 1);
                            await WriteObservationAsync(writer, aggregate.Code, aggregate.Name, domain, taskField, FirstYear + y, stage, mean, ct);
                            rows++;
                        }
                    }
                }
            }

            await writer.CompleteAsync(ct);
        }

        return (aggregates.Count + municipalities, rows);
    }

    private static async Task WriteObservationAsync(
        NpgsqlBinaryImporter writer, string code, string name, SocialDomainArea domain, string? taskField, int year, BenchmarkStage stage, decimal? value, CancellationToken ct)
    {
        await writer.StartRowAsync(ct);
        await writer.WriteAsync(code, NpgsqlDbType.Varchar, ct);
        await writer.WriteAsync(domain.ToString(), NpgsqlDbType.Varchar, ct);
        if (taskField is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(taskField, NpgsqlDbType.Varchar, ct);
        }

        await writer.WriteAsync(year, NpgsqlDbType.Integer, ct);
        await writer.WriteAsync(stage.ToString(), NpgsqlDbType.Varchar, ct);
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Numeric, ct);
        }
        else
        {
            await writer.WriteNullAsync(ct);
        }

        await writer.WriteAsync(name, NpgsqlDbType.Varchar, ct);
        await writer.WriteAsync(SourceDocument, NpgsqlDbType.Varchar, ct);
        await writer.WriteAsync(SourceSection, NpgsqlDbType.Varchar, ct);
    }

    private static async Task<(int Targets, int Measurements, int Commentaries, int References)> CopyKpisAsync(
        NpgsqlConnection connection, Random random, DatasetShape shape, CancellationToken ct)
    {
        var (count, quarters, firstYear) = (shape.Kpis, shape.Quarters, shape.FirstMeasurementYear);
        var units = new[] { KpiUnit.Percent, KpiUnit.Percent, KpiUnit.Percent, KpiUnit.Weeks, KpiUnit.Days, KpiUnit.Score, KpiUnit.Count, KpiUnit.Per10000 };
        var kpis = new List<SyntheticKpi>(count);
        for (var k = 0; k < count; k++)
        {
            var unit = units[k % units.Length];
            var direction = (k % 10) switch
            {
                < 4 => KpiDirection.HigherIsBetter,
                < 7 => KpiDirection.LowerIsBetter,
                < 9 => KpiDirection.WithinBand,
                _ => KpiDirection.Informative,
            };
            var (start, scale) = unit switch
            {
                KpiUnit.Percent => (40 + (random.NextDouble() * 40), 1.0),
                KpiUnit.Weeks => (4 + (random.NextDouble() * 8), 0.1),
                KpiUnit.Days => (20 + (random.NextDouble() * 40), 0.5),
                KpiUnit.Score => (6 + (random.NextDouble() * 2), 0.03),
                KpiUnit.Count => (200 + (random.NextDouble() * 800), 8.0),
                _ => (300 + (random.NextDouble() * 400), 4.0),
            };
            var slope = (random.NextDouble() - 0.5) * 1.5 * scale;
            var decimals = unit is KpiUnit.Count ? 0 : 1;
            var series = new decimal[quarters];
            for (var q = 0; q < quarters; q++)
            {
                var value = start + (slope * q) + ((random.NextDouble() - 0.5) * 4 * scale);
                if (unit == KpiUnit.Percent)
                {
                    value = Math.Clamp(value, 0, 100);
                }

                series[q] = Math.Round((decimal)Math.Max(0, value), decimals);
            }

            var target = Math.Round((decimal)(start + (((random.NextDouble() * 30) - 10) * scale)), decimals);
            if (unit == KpiUnit.Percent)
            {
                target = Math.Clamp(target, 0m, 100m);
            }

            decimal? bandLow = direction == KpiDirection.WithinBand ? target - (5m * (decimal)scale) : null;
            decimal? bandHigh = direction == KpiDirection.WithinBand ? target + (5m * (decimal)scale) : null;
            decimal? legalNorm = unit == KpiUnit.Percent && direction == KpiDirection.HigherIsBetter && k % 5 == 0 ? 100m : null;
            var versions = direction == KpiDirection.Informative ? 0 : k % 4 == 0 ? 2 : 1;
            kpis.Add(new SyntheticKpi(k + 1, KpiCode(k + 1), $"{KpiName(k + 1)}: {Themes[k % Themes.Length]}", unit, direction,
                bandLow, bandHigh, KpiDomains[k % KpiDomains.Length], legalNorm, series, target, versions));
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY kpis (id, code, name, definition, unit, direction, band_low, band_high, frequency, data_source, domain, programme_code, "
            + "owner, legal_norm, legal_norm_description, source_document, source_section, target_revision) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var kpi in kpis)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(kpi.Id, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(kpi.Code, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(kpi.Name, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync("Synthetische indicator voor de load-benchmark: geen echte cijfers. Telt per kwartaal wat de naam zegt, voor alle inwoners.", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(kpi.Unit.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(kpi.Direction.ToString(), NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(writer, kpi.BandLow, ct);
                await WriteNullableAsync(writer, kpi.BandHigh, ct);
                await writer.WriteAsync(nameof(KpiFrequency.Quarter), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync("Synthetische bron", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(kpi.Domain.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(kpi.Domain == SocialDomainArea.WerkInkomen ? "3" : kpi.Domain == SocialDomainArea.SociaalDomein ? "4" : "2", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync("Synthetisch team", NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(writer, kpi.LegalNorm, ct);
                if (kpi.LegalNorm is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync("Wettelijke termijn (synthetisch)", NpgsqlDbType.Varchar, ct);
                }

                await writer.WriteAsync(SourceDocument, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(SourceSection, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(Math.Max(0, kpi.TargetVersions - 1), NpgsqlDbType.Integer, ct);
            }

            await writer.CompleteAsync(ct);
        }

        var targets = 0;
        var deadline = Period.OfQuarter(firstYear, 1).AddPeriods(quarters - 1 + 8);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY kpi_targets (kpi_id, version, baseline_value, baseline_year, baseline_quarter, target_value, deadline_year, deadline_quarter, "
            + "tolerance_on_track_percent, tolerance_attention_percent, rationale, council_decision, change_reason, changed_by, changed_at, "
            + "source_document, source_section, valid_from_year) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var kpi in kpis)
            {
                for (var version = 1; version <= kpi.TargetVersions; version++)
                {
                    var value = version == kpi.TargetVersions ? kpi.Target : kpi.Target + (kpi.Direction == KpiDirection.LowerIsBetter ? 2m : -2m);
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(kpi.Id, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(version, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(kpi.Series[0], NpgsqlDbType.Numeric, ct);
                    await writer.WriteAsync(firstYear, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(1, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(value, NpgsqlDbType.Numeric, ct);
                    await writer.WriteAsync(deadline.Year, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(deadline.Quarter!.Value, NpgsqlDbType.Integer, ct);
                    await WriteNullableAsync(writer, kpi.Id % 7 == 0 ? 3m : null, ct);
                    await WriteNullableAsync(writer, kpi.Id % 7 == 0 ? 10m : null, ct);
                    await writer.WriteAsync("Synthetische onderbouwing van de streefwaarde, voor de load-benchmark.", NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync("Synthetisch raadsbesluit", NpgsqlDbType.Varchar, ct);
                    if (version == 1)
                    {
                        await writer.WriteNullAsync(ct);
                    }
                    else
                    {
                        await writer.WriteAsync("Synthetische bijstelling na de evaluatie van het beleid.", NpgsqlDbType.Varchar, ct);
                    }

                    await writer.WriteAsync("benchmark-generator", NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(new DateTime(firstYear - 1 + (version * 4), 1, 15, 9, 0, 0, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(SourceDocument, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(SourceSection, NpgsqlDbType.Varchar, ct);
                    // Version 1 applies from the first measured year, each later version from one year later.
                    await writer.WriteAsync(firstYear + version - 1, NpgsqlDbType.Integer, ct);
                    targets++;
                }
            }

            await writer.CompleteAsync(ct);
        }

        var measurements = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(MeasurementCopy, ct))
        {
            foreach (var kpi in kpis)
            {
                for (var q = 0; q < quarters; q++)
                {
                    await WriteMeasurementAsync(writer, kpi.Id, shape.QuarterAt(q), kpi.Series[q], q == quarters - 1, ct);
                    measurements++;
                }
            }

            await writer.CompleteAsync(ct);
        }

        var commentaries = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY kpi_commentaries (kpi_id, year, quarter, text, status, is_synthetic, author, updated_at, published_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var kpi in kpis)
            {
                for (var q = quarters - CommentedQuarters; q < quarters; q++)
                {
                    var period = shape.QuarterAt(q);
                    var change = q > 0 ? kpi.Series[q] - kpi.Series[q - 1] : 0m;
                    var text = string.Create(CultureInfo.GetCultureInfo("nl-NL"),
                        $"Synthetische toelichting bij {kpi.Code} in {period}: de waarde {(change >= 0 ? "steeg" : "daalde")} met {Math.Abs(change)} ten opzichte van het vorige kwartaal.\nTweede regel met achtergrond: deze tekst is gegenereerd voor de load-benchmark en beschrijft geen echte ontwikkeling.");
                    var at = new DateTime(period.Year, ((period.Quarter!.Value - 1) * 3) + 1, 1, 12, 0, 0, DateTimeKind.Utc).AddMonths(3).AddDays(10);
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(kpi.Id, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(period.Year, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(period.Quarter.Value, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(text, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(nameof(CommentaryStatus.Published), NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                    await writer.WriteAsync("Synthetische beleidsadviseur", NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                    commentaries++;
                }
            }

            await writer.CompleteAsync(ct);
        }

        // Every commentary has its versions (append-only history); a synthetic one was published as it was written: version 1.
        await using (var versions = new NpgsqlCommand(
            """
            INSERT INTO kpi_commentary_versions (commentary_id, version, text, status, author, created_at, published_at, published_by)
            SELECT c.id, 1, c.text, c.status, c.author, c.updated_at, c.published_at, CASE WHEN c.status = 'Published' THEN c.author END
            FROM kpi_commentaries c
            WHERE NOT EXISTS (SELECT 1 FROM kpi_commentary_versions v WHERE v.commentary_id = c.id)
            """, connection))
        {
            await versions.ExecuteNonQueryAsync(ct);
        }

        var references = 0;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY kpi_reference_values (kpi_id, year, quarter, reference, value, source_document, source_section) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var kpi in kpis)
            {
                for (var year = 0; year < quarters / 4; year++)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(kpi.Id, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(firstYear + year, NpgsqlDbType.Integer, ct);
                    await writer.WriteNullAsync(ct);
                    await writer.WriteAsync("Nederland (synthetisch)", NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(Math.Round(kpi.Series[year * 4] * 1.03m, 1), NpgsqlDbType.Numeric, ct);
                    await writer.WriteAsync(SourceDocument, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(SourceSection, NpgsqlDbType.Varchar, ct);
                    references++;
                }
            }

            await writer.CompleteAsync(ct);
        }

        return (targets, measurements, commentaries, references);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, decimal? value, CancellationToken ct)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Numeric, ct);
        }
        else
        {
            await writer.WriteNullAsync(ct);
        }
    }

    private static async Task ResetIdentityAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        // Rows were copied with explicit ids; move the identity past them. The table name is a constant.
        await using var command = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM {table}), false)", connection);
        await command.ExecuteScalarAsync(ct);
    }

    private sealed record SyntheticKpi(
        int Id,
        string Code,
        string Name,
        KpiUnit Unit,
        KpiDirection Direction,
        decimal? BandLow,
        decimal? BandHigh,
        SocialDomainArea Domain,
        decimal? LegalNorm,
        decimal[] Series,
        decimal Target,
        int TargetVersions);
}

/// <summary>
/// The size of a synthetic dataset: KPIs, quarters of history (always ending in 2020-K4, so a longer history starts
/// earlier) and municipalities (plus the 11 aggregates), each × 25 years × 10 fields and totals × 2 stages.
/// </summary>
public sealed record DatasetShape(int Kpis, int Quarters, int Municipalities)
{
    public const int LastMeasurementYear = 2020;

    /// <summary>The year of the first quarter (Quarters is a multiple of 4).</summary>
    public int FirstMeasurementYear => LastMeasurementYear + 1 - (Quarters / 4);

    public Period FirstQuarter => Period.OfQuarter(FirstMeasurementYear, 1);

    public Period LastQuarter => Period.OfQuarter(LastMeasurementYear, 4);

    /// <summary>The quarter with this index (0 = the first).</summary>
    public Period QuarterAt(int index) => FirstQuarter.AddPeriods(index);

    public string Describe(IFormatProvider format) =>
        string.Format(format, "{0:N0} KPIs × {1:N0} quarters, {2:N0} municipalities", Kpis, Quarters, Municipalities);
}
