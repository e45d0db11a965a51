using SmartTargetInput = SocialDomain.Core.Calculations.SmartTargetInput;
using System.Globalization;
using System.Text.RegularExpressions;
using TargetDecision = SocialDomain.Core.Calculations.TargetDecision;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.Budget;
using ExplanationThresholds = SocialDomain.Core.Calculations.ExplanationThresholds;

namespace SocialDomain.Web.Import;

/// <summary>A file handed to the importer: a display name (used in messages) and its bytes.</summary>
public sealed record ImportFile(string Name, byte[] Content);

/// <summary>
/// The one importer for the documented CSV datasets (docs/data-sources.md), used by seeding, the
/// command line and upload pages. It reads and validates every file first; when anything is wrong
/// it reports every problem (file, line, column, Dutch message) and writes nothing. Otherwise it
/// upserts by natural keys in one transaction (importing twice changes nothing) and then recomputes
/// the aggregates it can, storing differences as data-quality findings.
/// </summary>
/// <param name="clock">The app's clock (what "today" is for the rules that refuse a future date); the system clock when null.</param>
public sealed partial class DatasetImporter(SocialDomainDbContext db, TimeProvider? clock = null)
{
    /// <summary>Datasets in the order they are applied (references before the rows that use them).</summary>
    public static readonly IReadOnlyList<string> DatasetOrder = DatasetFormats.All.Select(f => f.Name).ToList();

    /// <summary>The advisory-lock key that serialises imports ("SOCDIMP" in ASCII).</summary>
    public const long ImportLockKey = 0x534F4344494D50;

    /// <summary>The message of an import refused because another one is running.</summary>
    public const string AlreadyRunning = "Er loopt al een import; er is niets opgeslagen. Probeer het over een minuut opnieuw.";

    /// <summary>Imports every *.csv under <paramref name="directory"/> (recursively).</summary>
    public Task<ImportReport> ImportDirectoryAsync(string directory, CancellationToken cancellationToken = default, Func<ImportReport, AuditLogEntry>? audit = null)
    {
        var files = Directory.EnumerateFiles(directory, "*.csv", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new ImportFile(Path.GetRelativePath(directory, path), File.ReadAllBytes(path)))
            .ToList();
        return ImportAsync(files, cancellationToken, audit);
    }

    /// <param name="audit">The audit row of a successful import, made from its report; it is written in the import's own
    /// transaction, so the data and its audit row are stored together or not at all. Null writes none (tests).</param>
    /// <param name="preview">True: everything is checked and applied inside the transaction to count what would change,
    /// and then rolled back; nothing is written (the audit callback is not called).</param>
    public async Task<ImportReport> ImportAsync(
        IReadOnlyList<ImportFile> files, CancellationToken cancellationToken = default, Func<ImportReport, AuditLogEntry>? audit = null, bool preview = false)
    {
        var report = new ImportReport();
        var batch = new Batch();
        var known = await KnownCodes.LoadAsync(db, cancellationToken);
        var sheets = new Dictionary<string, CsvSheet>(StringComparer.Ordinal);
        var formats = new Dictionary<ImportFile, DatasetFormat>();
        foreach (var file in files)
        {
            if (DatasetFormats.ForFile(file.Name) is not { } format)
            {
                report.Problems.Add(new ImportProblem(file.Name, 1, null,
                    $"Onbekend bestand '{Path.GetFileName(file.Name)}'; verwacht een van: {string.Join(", ", DatasetFormats.All.Select(d => d.TemplateFileName))} (of de Engelse namen: {string.Join(", ", DatasetOrder.Select(d => d + ".csv"))})."));
            }
            else if (formats.ContainsValue(format))
            {
                report.Problems.Add(new ImportProblem(file.Name, 1, null, $"Dataset '{format.DutchName}' staat twee keer in deze import."));
            }
            else
            {
                formats[file] = format;
            }
        }

        // Read in dataset order, so codes defined in this import (a new KPI) are known to the rows that use them. Rows are
        // parsed as they are read; once the problem list is full the import is refused anyway, and later rows are parsed
        // into a scratch batch that is dropped (only their problems are counted).
        var scratch = new Batch();
        foreach (var (file, format) in formats.OrderBy(f => DatasetFormats.All.ToList().IndexOf(f.Value)))
        {
            var sheet = CsvSheet.Read(file.Name, file.Content, format, report.Problems, (sheet, row) =>
            {
                if (report.Problems.Full && sheet.RowCount % 4096 == 0)
                {
                    scratch = new Batch();
                }

                Parse(format.Name, sheet, row, report.Problems.Full ? scratch : batch, known);
            });
            if (sheet is not null)
            {
                sheets[format.Name] = sheet;
                report.RowsRead[format.Name] = sheet.RowCount;
            }
        }

        // A file that could not be read as a table (or is unknown) stops here; bad fields do not: the checks across rows
        // (duplicates, references, ranges) are reported with them.
        if (sheets.Count < files.Count)
        {
            return report;
        }

        batch.ValidateAcrossRows(sheets, known);
        if (sheets.TryGetValue(BudgetCycleImport.Dataset, out var cycleSheet))
        {
            BudgetCycleImport.Validate(batch, cycleSheet, known, await BudgetCycleStore.CurrentLinesAsync(db, cancellationToken),
                Formatting.DutchText.Today(clock ?? TimeProvider.System));
            report.Notices.AddRange(batch.Notices);
        }

        ModelLimits.Check(db.Model, batch, sheets);
        if (!report.Succeeded)
        {
            return report;
        }

        try
        {
            // The app's retrying execution strategy re-runs the whole transaction after a broken connection
            // (a user-initiated transaction outside the strategy is refused). Each attempt starts from a clean
            // change tracker and counters; running it again is safe because rows are matched on natural keys.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                report.Inserted = report.Updated = report.Findings = 0;
                report.Changes.Clear();
                report.Datasets.Clear();
                report.ChangeCount = 0;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                // One import at a time (upload, command line, seed): a second one is refused with a message, not a
                // unique-key error halfway. The lock ends with the transaction.
                if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ImportLockKey}) AS \"Value\"").SingleAsync(ct))
                {
                    throw new ImportRejectedException(new ImportProblem(files[0].Name, 0, null, AlreadyRunning));
                }

                var cycleLines = batch.BudgetCycle.Select(r => r.Line).ToHashSet(ReferenceEqualityComparer.Instance);
                using (ImportChanges.Record(db, report, entity => cycleLines.Contains(entity) ? BudgetCycleImport.Dataset : null))
                {
                    await new Applier(db, report, clock).ApplyAsync(batch, ct);
                    report.Findings = await DataQualityChecks.RecordAsync(db, batch.Summaries.Select(s => s.Value).ToList(), ct,
                        batch.SourceChecks.Select(c => c.Value).ToList());
                }

                if (preview)
                {
                    await transaction.RollbackAsync(ct);
                    return;
                }

                if (audit is not null)
                {
                    db.AuditLog.Add(audit(report));
                    await db.SaveChangesAsync(ct);
                }

                await transaction.CommitAsync(ct);
            }, cancellationToken);
        }
        catch (ImportRejectedException rejected)
        {
            report.Problems.Add(rejected.Problem);
            report.Inserted = report.Updated = report.Findings = 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return report;
    }

    private static void Parse(string dataset, CsvSheet sheet, CsvRow row, Batch batch, KnownCodes known)
    {
        {
            switch (dataset)
            {
                case "programmes":
                    batch.Programmes.Add(new(row, new Programme { Code = sheet.RequiredText(row, "code"), Name = sheet.RequiredText(row, "name") }));
                    known.Programmes.Add(sheet.Text(row, "code") ?? string.Empty);
                    break;
                case "task_fields":
                    var field = new TaskField
                    {
                        Code = sheet.RequiredText(row, "code"),
                        Name = sheet.RequiredText(row, "name"),
                        Domain = sheet.Token(row, "domain", Vocabulary.Domains) ?? default,
                        ProgrammeCode = sheet.Text(row, "programme"),
                    };
                    batch.TaskFields.Add(new(row, field));
                    known.TaskFields[field.Code] = field.Domain;
                    break;
                case "entities":
                    ParseEntity(sheet, row, batch, known);
                    break;
                case "characteristics":
                    ParseCharacteristics(sheet, row, batch);
                    break;
                case "benchmark_observations":
                    ParseObservation(sheet, row, batch);
                    break;
                case "stated_summaries":
                    batch.Summaries.Add(new(row, new StatedSummary(
                        sheet.RequiredText(row, "entity_code"),
                        sheet.Token(row, "domain", Vocabulary.Domains) ?? default,
                        sheet.Token(row, "kind", Tokens.SummaryKinds) ?? default,
                        sheet.RequiredYear(row, "from_year"),
                        sheet.Token(row, "from_stage", Vocabulary.BenchmarkStages) ?? default,
                        sheet.RequiredYear(row, "to_year"),
                        sheet.Token(row, "to_stage", Vocabulary.BenchmarkStages) ?? default,
                        sheet.RequiredDecimal(row, "stated_percent", -1000m, 1000m),
                        SourceOf(sheet, row))));
                    break;
                case "source_checks":
                    ParseSourceCheck(sheet, row, batch);
                    break;
                case "kpis":
                    ParseKpi(sheet, row, batch, known);
                    break;
                case "targets":
                    ParseTarget(sheet, row, batch, known);
                    break;
                case "measurements":
                    ParseMeasurement(sheet, row, batch, known);
                    break;
                case "reference_values":
                    var refPeriod = sheet.RequiredPeriod(row, "period");
                    var refStated = sheet.StatedPeriod(row, "period_as_stated", refPeriod);
                    batch.ReferenceValues.Add(new(row, RequireKpi(sheet, row, known), new KpiReferenceValue
                    {
                        Year = refPeriod.Year,
                        Quarter = refPeriod.Quarter,
                        PeriodPrecision = refStated.Precision,
                        PeriodDetail = refStated.Detail,
                        Reference = sheet.RequiredText(row, "reference"),
                        Value = sheet.RequiredDecimal(row, "value"),
                        Source = SourceOf(sheet, row),
                    }));
                    break;
                case BudgetCycleImport.Dataset:
                    BudgetCycleImport.Parse(sheet, row, batch);
                    break;
                case "budget_lines":
                    ParseBudgetLine(sheet, row, batch);
                    break;
                case "projects":
                    batch.Projects.Add(new(row, new Project
                    {
                        Code = sheet.RequiredText(row, "code"),
                        Name = sheet.RequiredText(row, "name"),
                        Description = sheet.Text(row, "description"),
                        Role = OneOf(sheet, row, "role", [BudgetReport.ProjectRole, BudgetReport.PlanRole]) ?? BudgetReport.ProjectRole,
                        ParentCode = sheet.Text(row, "parent_code"),
                        Source = SourceOf(sheet, row),
                    }));
                    known.Projects.Add(sheet.Text(row, "code") ?? string.Empty);
                    break;
                case "project_budgets":
                    batch.ProjectBudgets.Add(new(row, new ProjectBudget
                    {
                        ProjectCode = sheet.RequiredText(row, "project_code"),
                        Year = sheet.RequiredYear(row, "year"),
                        Amount = sheet.RequiredDecimal(row, "amount"),
                        Funding = sheet.Text(row, "funding"),
                        FundingKind = OneOf(sheet, row, "funding_kind", [BudgetReport.ReserveFunding, "begroting", "overig"]),
                        Source = SourceOf(sheet, row),
                    }));
                    break;
                case "reserve_movements":
                    var kind = sheet.RequiredText(row, "kind");
                    if (kind.Length > 0)
                    {
                        OneOf(sheet, row, "kind", BudgetReport.ReserveKinds);
                    }

                    batch.ReserveMovements.Add(new(row, new ReserveMovement
                    {
                        Reserve = sheet.RequiredText(row, "reserve"),
                        Year = sheet.RequiredYear(row, "year"),
                        Kind = kind,
                        Amount = sheet.RequiredDecimal(row, "amount"),
                        Description = sheet.Text(row, "description"),
                        ProjectCode = sheet.Text(row, "project_code"),
                        IsEstimate = sheet.Text(row, "estimate") is not null && sheet.RequiredBool(row, "estimate"),
                        Source = SourceOf(sheet, row),
                    }));
                    break;
                case "explanation_thresholds":
                    ParseThresholds(sheet, row, batch);
                    break;
            }
        }
    }

    private static void ParseEntity(CsvSheet sheet, CsvRow row, Batch batch, KnownCodes known)
    {
        var code = sheet.RequiredText(row, "code");
        var kind = sheet.Token(row, "kind", Vocabulary.EntityKinds) ?? default;
        if (kind == BenchmarkEntityKind.Municipality && code.Length > 0 && !CbsCode().IsMatch(code))
        {
            sheet.Problem(row, "code", $"'{code}' is geen CBS-gemeentecode (verwacht GM gevolgd door vier cijfers, bijvoorbeeld GM0402).");
        }

        var aliases = sheet.Text(row, "aliases")?.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
        batch.Entities.Add(new(row, new Municipality
        {
            Code = code,
            Name = sheet.RequiredText(row, "name"),
            Kind = kind,
            IsG40 = sheet.RequiredBool(row, "is_g40"),
            IsG4 = sheet.RequiredBool(row, "is_g4"),
            SizeClassCode = sheet.Text(row, "size_class"),
            Aliases = aliases,
        }));
        known.Municipalities.Add(code);
    }

    private static void ParseSourceCheck(CsvSheet sheet, CsvRow row, Batch batch)
    {
        // The printed number keeps its scale ("4.50" has two decimals): its precision is part of the check.
        var statedText = sheet.RequiredText(row, "stated");
        decimal? stated = null;
        string? statedFigure = null;
        if (statedText.Contains(':', StringComparison.Ordinal))
        {
            statedFigure = statedText;
        }
        else if (decimal.TryParse(statedText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            stated = number;
        }
        else if (statedText.Length > 0)
        {
            sheet.Problem(row, "stated", $"'{TextLimits.Shown(statedText)}' is geen getal met decimale punt (zoals 13.06) en geen cijfersleutel (zoals kpi:JEUGD_COSTS/2018).");
        }

        var figures = sheet.RequiredText(row, "figures").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        batch.SourceChecks.Add(new(row, new SourceCheck(
            sheet.RequiredText(row, "code"),
            sheet.Token(row, "kind", Tokens.SourceCheckKinds) ?? default,
            stated,
            statedFigure,
            figures,
            sheet.RequiredText(row, "claim"),
            SourceOf(sheet, row),
            sheet.OptionalDecimal(row, "unit", 0m) ?? 1m,
            sheet.OptionalDecimal(row, "input_half_unit", 0m) ?? 0m,
            sheet.OptionalDecimal(row, "factor", 0m) ?? 1m,
            sheet.OptionalDecimal(row, "circa_percent", 0m, 100m) ?? 0m,
            sheet.OptionalInt(row, "table_decimals", 0, 10),
            sheet.Text(row, "kpi_code"),
            sheet.Text(row, "budget_scope"),
            sheet.Text(row, "budget_code"),
            sheet.OptionalInt(row, "year", 1900, 2200))));
    }

    private static void ParseCharacteristics(CsvSheet sheet, CsvRow row, Batch batch)
    {
        var snapshotText = sheet.RequiredText(row, "snapshot");
        var snapshot = default(DateOnly);
        if (snapshotText.Length > 0 && !TryParseSnapshot(snapshotText, out snapshot))
        {
            sheet.Problem(row, "snapshot", $"'{snapshotText}' is geen geldige peildatum (verwacht jaar-maand, bijvoorbeeld 2019-12).");
        }

        batch.Characteristics.Add(new(row, new MunicipalityCharacteristics
        {
            MunicipalityCode = sheet.RequiredText(row, "entity_code"),
            Snapshot = snapshot,
            Population = sheet.OptionalInt(row, "population", 1, 30_000_000),
            PctLowIncome = sheet.OptionalDecimal(row, "pct_low_income", 0m, 100m),
            PctYouth0To19 = sheet.OptionalDecimal(row, "pct_youth_0_19", 0m, 100m),
            PctYouthWithYouthCare = sheet.OptionalDecimal(row, "pct_youth_with_youth_care", 0m, 100m),
            PctAged65To74 = sheet.OptionalDecimal(row, "pct_aged_65_74", 0m, 100m),
            PctAged75Plus = sheet.OptionalDecimal(row, "pct_aged_75_plus", 0m, 100m),
            Source = SourceOf(sheet, row),
        }));
    }

    private static void ParseObservation(CsvSheet sheet, CsvRow row, Batch batch)
    {
        var taskField = sheet.RequiredText(row, "task_field");
        batch.Observations.Add(new(row, new BenchmarkObservation
        {
            MunicipalityCode = sheet.RequiredText(row, "entity_code"),
            Domain = sheet.Token(row, "domain", Vocabulary.Domains) ?? default,
            TaskFieldCode = taskField == "totaal" ? null : taskField,
            Year = sheet.RequiredYear(row, "year"),
            Stage = sheet.Token(row, "stage", Vocabulary.BenchmarkStages) ?? default,
            ValuePerInhabitant = sheet.OptionalDecimal(row, "value", -100_000m, 100_000m),
            SourceName = sheet.Text(row, "source_name"),
            Source = SourceOf(sheet, row),
        }));
    }

    private static void ParseKpi(CsvSheet sheet, CsvRow row, Batch batch, KnownCodes known)
    {
        var code = sheet.RequiredText(row, "code");
        var direction = sheet.Token(row, "direction", Vocabulary.Directions) ?? default;
        var kpi = new Kpi
        {
            Code = code,
            Name = sheet.RequiredText(row, "name"),
            Definition = sheet.RequiredText(row, "definition"),
            Unit = sheet.Token(row, "unit", Vocabulary.Units) ?? default,
            Direction = direction,
            Frequency = sheet.Token(row, "frequency", Vocabulary.Frequencies) ?? default,
            Domain = sheet.Token(row, "domain", Vocabulary.Domains) ?? default,
            ProgrammeCode = sheet.Text(row, "programme"),
            TaskFieldCode = sheet.Text(row, "task_field"),
            Owner = sheet.Text(row, "owner"),
            DataSource = sheet.Text(row, "source"),
            LegalNorm = sheet.OptionalDecimal(row, "legal_norm"),
            LegalNormDescription = sheet.Text(row, "legal_norm_description"),
            BandLow = sheet.OptionalDecimal(row, "band_low"),
            BandHigh = sheet.OptionalDecimal(row, "band_high"),
            Source = SourceOf(sheet, row),
        };
        if (direction == KpiDirection.WithinBand && (kpi.BandLow is null || kpi.BandHigh is null || kpi.BandLow > kpi.BandHigh))
        {
            sheet.Problem(row, "band_low", "Bij richting within_band zijn band_low en band_high verplicht, met band_low ≤ band_high.");
        }

        if (kpi.LegalNorm is not null && kpi.LegalNormDescription is null)
        {
            sheet.Problem(row, "legal_norm_description", "Een wettelijke norm heeft een omschrijving nodig (welke wet, welke termijn).");
        }

        batch.Kpis.Add(new(row, kpi));
        known.Kpis[code] = kpi.Unit;
    }

    private static void ParseTarget(CsvSheet sheet, CsvRow row, Batch batch, KnownCodes known)
    {
        var baseline = sheet.OptionalPeriod(row, "baseline_period");
        var deadline = sheet.OptionalPeriod(row, "deadline_period");
        var validFrom = sheet.RequiredPeriod(row, "valid_from");
        if (sheet.Text(row, "valid_from") is not null && validFrom != default && TargetDecision.ValidFromProblem(validFrom, null, deadline) is { } validFromProblem)
        {
            sheet.Problem(row, "valid_from", validFromProblem);
        }

        // The texts the target editor's rules read (Batch.ValidateTargetRules), kept now: a row's fields are released after parsing.
        // In a comma-separated file a point is decimal, which the editor would read as a thousands point: give it a comma.
        string? Number(string column) => sheet.Text(row, column) is { } t && sheet.PointIsDecimal ? t.Replace('.', ',') : sheet.Text(row, column);
        batch.TargetInputs[row.Line] = new SmartTargetInput(
            Number("baseline_value"), sheet.Text(row, "baseline_period"), Number("target_value"), sheet.Text(row, "deadline_period"),
            Number("tolerance_on_track"), Number("tolerance_attention"), sheet.Text(row, "rationale"), sheet.Text(row, "council_decision"),
            sheet.Text(row, "change_reason"), sheet.Text(row, "valid_from"), sheet.Text(row, "decision_date"), sheet.Text(row, "decided_by"),
            sheet.Text(row, "decision_document"), sheet.Text(row, "decision_url"));
        batch.Targets.Add(new(row, RequireKpi(sheet, row, known), new KpiTarget
        {
            ValidFromYear = validFrom.Year,
            ValidFromQuarter = validFrom.Quarter,
            DecisionDate = DecisionDate(sheet, row),
            DecidedBy = sheet.Token(row, "decided_by", Vocabulary.DecisionBodies, required: false),
            DecisionDocument = sheet.Text(row, "decision_document"),
            DecisionUrl = DecisionUrl(sheet, row),
            BaselineValue = sheet.OptionalDecimal(row, "baseline_value"),
            BaselineYear = baseline?.Year,
            BaselineQuarter = baseline?.Quarter,
            TargetValue = sheet.RequiredDecimal(row, "target_value"),
            DeadlineYear = deadline?.Year,
            DeadlineQuarter = deadline?.Quarter,
            Rationale = sheet.Text(row, "rationale"),
            CouncilDecision = sheet.Text(row, "council_decision"),
            ChangeReason = sheet.Text(row, "change_reason"),
            ToleranceOnTrackPercent = sheet.OptionalDecimal(row, "tolerance_on_track", UnitRanges.TolerancePercent.Min, UnitRanges.TolerancePercent.Max),
            ToleranceAttentionPercent = sheet.OptionalDecimal(row, "tolerance_attention", UnitRanges.TolerancePercent.Min, UnitRanges.TolerancePercent.Max),
            ChangedBy = Applier.ImportedBy,
            Source = SourceOf(sheet, row),
        }));
    }

    /// <summary>A target's decision date (2019-06-26 or 26-06-2019), not after today (<see cref="TargetDecision"/>).</summary>
    private static DateOnly? DecisionDate(CsvSheet sheet, CsvRow row)
    {
        if (sheet.Text(row, "decision_date") is not { } text)
        {
            return null;
        }

        if (!TargetDecision.TryParseDate(text, out var date))
        {
            sheet.Problem(row, "decision_date", TargetDecision.UnreadableDate(text));
            return null;
        }

        if (TargetDecision.DecisionDateProblem(date, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)) is { } problem)
        {
            sheet.Problem(row, "decision_date", problem);
        }

        return date;
    }

    /// <summary>A target's decision URL: an absolute http(s) address.</summary>
    private static string? DecisionUrl(CsvSheet sheet, CsvRow row)
    {
        var url = sheet.Text(row, "decision_url");
        if (url is not null && TargetDecision.DecisionUrlProblem(url) is { } problem)
        {
            sheet.Problem(row, "decision_url", problem);
        }

        return url;
    }

    private static void ParseMeasurement(CsvSheet sheet, CsvRow row, Batch batch, KnownCodes known)
    {
        var period = sheet.RequiredPeriod(row, "period");
        var stated = sheet.StatedPeriod(row, "period_as_stated", period);
        var synthetic = sheet.Text(row, "synthetic") is not null && sheet.RequiredBool(row, "synthetic");
        var code = RequireKpi(sheet, row, known);
        var problems = sheet.ProblemCount;
        var value = sheet.RequiredDecimal(row, "value");
        var measurement = new KpiMeasurement
        {
            Year = period.Year,
            Quarter = period.Quarter,
            PeriodPrecision = stated.Precision,
            PeriodDetail = stated.Detail,
            Value = value,
            Bound = sheet.Text(row, "value_bound") is null ? ValueBound.Exact : sheet.Token(row, "value_bound", Vocabulary.ValueBounds) ?? ValueBound.Exact,
            Status = sheet.Token(row, "status", Vocabulary.MeasurementStatuses) ?? default,
            IsSynthetic = synthetic,
            Note = sheet.Text(row, "note"),
            Source = SourceOf(sheet, row),
        };

        // A value that could not be read is reported once; the checks across rows (unit range, duplicates) skip its row.
        if (sheet.ProblemCount == problems)
        {
            batch.Measurements.Add(new(row, code, measurement));
        }
    }

    private static void ParseBudgetLine(CsvSheet sheet, CsvRow row, Batch batch)
    {
        var scope = sheet.Token(row, "scope", Vocabulary.BudgetScopes) ?? default;
        var code = sheet.RequiredText(row, "code");
        batch.BudgetLines.Add(new(row, new BudgetLine
        {
            Scope = scope,
            ScopeCode = code,
            Name = sheet.RequiredText(row, "name"),
            ProgrammeCode = scope == BudgetScope.Programme ? code : null,
            TaskFieldCode = scope == BudgetScope.TaskField ? code : sheet.Text(row, "task_field"),
            Year = sheet.RequiredYear(row, "year"),
            Stage = sheet.Token(row, "stage", Vocabulary.BudgetStages) ?? default,
            Measure = sheet.Token(row, "measure", Vocabulary.BudgetMeasures) ?? default,
            Amount = sheet.RequiredDecimal(row, "amount", -10_000_000_000m, 10_000_000_000m),
            Note = sheet.Text(row, "note"),
            Source = SourceOf(sheet, row),
        }));
    }

    /// <summary>A version of the explanation thresholds (append-only: an identical stored version is not added again).</summary>
    private static void ParseThresholds(CsvSheet sheet, CsvRow row, Batch batch)
    {
        var absolute = sheet.OptionalDecimal(row, "absolute");
        var relative = sheet.OptionalDecimal(row, "relative_percent");
        foreach (var problem in ExplanationThresholds.Problems(absolute, relative))
        {
            sheet.Problem(row, problem.Field == "relative" ? "relative_percent" : "absolute", problem.Message);
        }

        batch.Thresholds.Add(new(row, new ExplanationThresholdSetting
        {
            ValidFromYear = sheet.RequiredYear(row, "valid_from"),
            Absolute = absolute,
            RelativePercent = relative,
            Combination = sheet.Token(row, "combination", Vocabulary.ThresholdCombinations) ?? default,
            OnlyUnfavourable = sheet.Text(row, "only_unfavourable") is not null && sheet.RequiredBool(row, "only_unfavourable"),
            Reason = sheet.RequiredText(row, "reason"),
            RecordedBy = SeedData.Publisher,
        }));
    }

    /// <summary>An optional code that must be one of <paramref name="allowed"/>; null when empty.</summary>
    private static string? OneOf(CsvSheet sheet, CsvRow row, string column, IReadOnlyList<string> allowed)
    {
        var text = sheet.Text(row, column);
        if (text is not null && !allowed.Contains(text, StringComparer.Ordinal))
        {
            sheet.Problem(row, column, $"'{TextLimits.Shown(text)}' is geen geldige waarde; kies uit: {string.Join(", ", allowed)}.");
        }

        return text;
    }

    /// <summary>The row's KPI code, which must be stored already or defined earlier in this import (kpis are read first).</summary>
    private static string RequireKpi(CsvSheet sheet, CsvRow row, KnownCodes known)
    {
        var code = sheet.RequiredText(row, "kpi_code");
        if (code.Length > 0 && !known.Kpis.ContainsKey(code))
        {
            sheet.Problem(row, "kpi_code", $"Onbekende KPI-code '{code}'.");
        }

        return code;
    }

    private static SourceReference SourceOf(CsvSheet sheet, CsvRow row) =>
        new(sheet.Text(row, "source_document") ?? string.Empty, sheet.Text(row, "source_section") ?? string.Empty);

    private static bool TryParseSnapshot(string text, out DateOnly snapshot)
    {
        snapshot = default;
        var match = SnapshotPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2200 || month is < 1 or > 12)
        {
            return false;
        }

        snapshot = new DateOnly(year, month, 1);
        return true;
    }

    [GeneratedRegex(@"^GM\d{4}$")]
    private static partial Regex CbsCode();

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex SnapshotPattern();
}
