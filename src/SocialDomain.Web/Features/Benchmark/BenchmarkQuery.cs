using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>A municipality (G40 member or not) or reference (G40 average, size class, Nederland) with its values for the selected field.</summary>
public sealed record BenchmarkEntity(
    string Code,
    string Name,
    BenchmarkEntityKind Kind,
    bool IsG40,
    string? SizeClassCode,
    CharacteristicValues? Characteristics,
    IReadOnlyList<ColumnValue> Values);

/// <summary>A saldo per inhabitant in one column; null = "-" in the source.</summary>
public sealed record ColumnValue(int Year, BenchmarkStage Stage, decimal? ValuePerInhabitant);

/// <summary>A data-quality finding about the selected domain or task field, with what it checked.</summary>
public sealed record FindingData(
    DataQualityCheck? Kind,
    string? EntityCode,
    int? Year,
    BenchmarkStage? Stage,
    string Subject,
    string Message,
    string Document,
    string Section,
    string? TaskFieldCode = null);

/// <summary>
/// The database side of /benchmark and its table exports: four round trips (the catalogue, the municipalities and
/// references, the values the page shows, the findings), then the pure <see cref="BenchmarkReport"/>.
/// </summary>
/// <param name="defaultHome">CBS code of the home municipality when the request names none (Municipality:Code).</param>
public sealed class BenchmarkQuery(SocialDomainDbContext db, string defaultHome)
{
    public async Task<BenchmarkReport> RunAsync(BenchmarkInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var choice = BenchmarkSelection.Choose(await CatalogueAsync(cancellationToken), input);
        if (choice is null)
        {
            return BenchmarkReport.Empty;
        }

        var wide = new[] { input.Home?.Trim().ToUpperInvariant(), defaultHome }.OfType<string>().ToArray();
        var entities = await EntitiesAsync(choice.Field, choice.Column, wide, cancellationToken);
        entities = await WithHomeSeriesAsync(entities, choice.Field, input.Home, cancellationToken);
        var findings = await FindingsAsync(choice.Field, cancellationToken);
        return BenchmarkReport.Build(choice, entities, findings, input.Home, defaultHome, input.WantsAllColumns);
    }

    /// <summary>
    /// Round trip 1: which domains/task fields and which columns the benchmark holds, from the catalogue kept on import
    /// (ADR 0016; a few hundred rows whatever the number of municipalities), with the task field names.
    /// </summary>
    public async Task<IReadOnlyList<CatalogueEntry>> CatalogueAsync(CancellationToken cancellationToken) =>
        await db.BenchmarkCatalogue.AsNoTracking()
            .Select(c => new CatalogueEntry(c.Domain, c.TaskFieldCode, c.TaskField != null ? c.TaskField.Name : null, c.Year, c.Stage))
            .ToListAsync(cancellationToken);

    /// <summary>Every municipality in the benchmark (any can be the home municipality), in the order of the "gemeente" choice.</summary>
    public async Task<IReadOnlyList<EntityOption>> MunicipalitiesAsync(CancellationToken cancellationToken) =>
        BenchmarkCatalogue.SortMunicipalities(
            await db.Municipalities.AsNoTracking().Where(m => m.Kind == BenchmarkEntityKind.Municipality).Select(m => new EntityOption(m.Code, m.Name)).ToListAsync(cancellationToken));

    /// <summary>
    /// Round trips 2 and 3: every municipality (any can be home or peer) and the references, each with its latest
    /// characteristics; then, flat, the values the page shows for the selected domain/task field: the selected column
    /// of every municipality (a peer's value; one index range) and every other column of what the per-year table shows
    /// (the G40 members, the references, the requested and the configured home municipality; an index look-up per
    /// municipality). About 45 × columns + one value per municipality, never every column of every municipality.
    /// </summary>
    /// <remarks>
    /// Issue 21: these were one query with the values as a nested collection filtered by an OR. PostgreSQL then read
    /// every value of the domain (17.650 rows at 342 municipalities × 25 years) and filtered them: 13 ms, against 1,6 ms
    /// for the two index reads below; and EF Core's shaper for the nested collection created delegates on every
    /// execution.
    /// </remarks>
    private async Task<IReadOnlyList<BenchmarkEntity>> EntitiesAsync(FieldOption field, ColumnOption column, string[] wide, CancellationToken cancellationToken)
    {
        var entities = await db.Municipalities.AsNoTracking()
            .Where(m => m.Kind == BenchmarkEntityKind.Municipality || m.Kind == BenchmarkEntityKind.G40Average || m.Kind == BenchmarkEntityKind.SizeClass || m.Kind == BenchmarkEntityKind.Netherlands)
            .OrderBy(m => m.Code)
            .Select(m => new
            {
                m.Code,
                m.Name,
                m.Kind,
                m.IsG40,
                m.SizeClassCode,
                Characteristics = m.Characteristics.OrderByDescending(c => c.Snapshot)
                    .Select(c => new CharacteristicValues(c.Snapshot, c.Population, c.PctLowIncome, c.PctYouth0To19, c.PctYouthWithYouthCare, c.PctAged65To74, c.PctAged75Plus))
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var (year, stage) = (column.Year, column.Stage);
        var shownInEveryColumn = db.Municipalities
            .Where(m => m.IsG40 || m.Kind != BenchmarkEntityKind.Municipality || wide.Contains(m.Code))
            .Select(m => m.Code);
        var inColumn = FieldObservations(field).Where(o => o.Year == year && o.Stage == stage);
        var otherColumns = FieldObservations(field).Where(o => !(o.Year == year && o.Stage == stage) && shownInEveryColumn.Contains(o.MunicipalityCode));
        var values = (await inColumn.Concat(otherColumns)
                .Select(o => new { o.MunicipalityCode, Value = new ColumnValue(o.Year, o.Stage, o.ValuePerInhabitant) })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.MunicipalityCode, o => o.Value, StringComparer.Ordinal);

        return entities
            .Select(e => new BenchmarkEntity(e.Code, e.Name, e.Kind, e.IsG40, e.SizeClassCode, e.Characteristics, values[e.Code].ToList()))
            .ToList();
    }

    /// <summary>
    /// Only when neither the requested nor the configured home municipality is in the benchmark (the page then shows the
    /// first municipality): that one's values in every column, one more round trip.
    /// </summary>
    private async Task<IReadOnlyList<BenchmarkEntity>> WithHomeSeriesAsync(IReadOnlyList<BenchmarkEntity> entities, FieldOption field, string? home, CancellationToken cancellationToken)
    {
        var codes = entities.Where(e => e.Kind == BenchmarkEntityKind.Municipality).Select(e => e.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // As ChooseHome: the requested code ignoring case, the configured one exactly.
        if (codes.Count == 0 || codes.Contains(home?.Trim() ?? string.Empty) || entities.Any(e => e.Kind == BenchmarkEntityKind.Municipality && e.Code == defaultHome))
        {
            return entities;
        }

        var municipalities = BenchmarkCatalogue.SortMunicipalities(entities.Where(e => e.Kind == BenchmarkEntityKind.Municipality).Select(e => new EntityOption(e.Code, e.Name)));
        var chosen = BenchmarkSelection.ChooseHome(municipalities, home, defaultHome, []);

        var values = await FieldObservations(field).Where(o => o.MunicipalityCode == chosen.Code)
            .Select(o => new ColumnValue(o.Year, o.Stage, o.ValuePerInhabitant)).ToListAsync(cancellationToken);
        return entities.Select(e => e.Code == chosen.Code ? e with { Values = values } : e).ToList();
    }

    /// <summary>The observations of one domain total or task field (a null task field is the total: IS NULL, so the index applies).</summary>
    private IQueryable<BenchmarkObservation> FieldObservations(FieldOption field)
    {
        var domain = field.Domain;
        var taskField = field.TaskFieldCode;
        var observations = db.BenchmarkObservations.Where(o => o.Domain == domain);
        return taskField is null ? observations.Where(o => o.TaskFieldCode == null) : observations.Where(o => o.TaskFieldCode == taskField);
    }

    /// <summary>
    /// Round trip 4: the data-quality findings for this domain/task field (the G40 average per column), the printed
    /// growth and deficit percentages of the domain and the plausibility findings about municipalities' rows of the domain.
    /// </summary>
    private async Task<IReadOnlyList<FindingData>> FindingsAsync(FieldOption field, CancellationToken cancellationToken)
    {
        var domain = field.Domain;
        var taskField = field.TaskFieldCode;
        return await db.DataQualityFindings.AsNoTracking()
            .Where(f => f.Domain == domain
                && ((f.Kind == DataQualityCheck.Average && f.EntityCode == DataQualityChecks.G40AverageCode && f.TaskFieldCode == taskField)
                    || f.Kind == DataQualityCheck.Growth || f.Kind == DataQualityCheck.BudgetDeficit
                    || f.Kind == DataQualityCheck.TotalOfTaskFields || f.Kind == DataQualityCheck.SwappedTaskFields
                    || (f.Kind == DataQualityCheck.OutsideOwnYears && f.TaskFieldCode == taskField)))
            .OrderBy(f => f.Subject)
            .Select(f => new FindingData(f.Kind, f.EntityCode, f.Year, f.Stage, f.Subject, f.Message, f.Source.Document, f.Source.Section, f.TaskFieldCode))
            .ToListAsync(cancellationToken);
    }
}
