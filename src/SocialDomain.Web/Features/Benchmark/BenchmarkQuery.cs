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
/// The database side of /benchmark and its table exports: three round trips (the catalogue, the entities with their
/// values, the findings), then the pure <see cref="BenchmarkReport"/>.
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

        var entities = await EntitiesAsync(choice.Field, cancellationToken);
        var findings = await FindingsAsync(choice.Field, cancellationToken);
        return BenchmarkReport.Build(choice, entities, findings, input.Home, defaultHome);
    }

    /// <summary>
    /// Round trip 1: which domains/task fields and which columns the benchmark holds (task field names from task_fields).
    /// DISTINCT first and the names joined to its few hundred rows, not to every observation: half the work.
    /// </summary>
    public async Task<IReadOnlyList<CatalogueEntry>> CatalogueAsync(CancellationToken cancellationToken) =>
        await (
                from combination in db.BenchmarkObservations.AsNoTracking().Select(o => new { o.Domain, o.TaskFieldCode, o.Year, o.Stage }).Distinct()
                join fieldName in db.TaskFields.AsNoTracking() on combination.TaskFieldCode equals fieldName.Code into fieldNames
                from fieldName in fieldNames.DefaultIfEmpty()
                select new CatalogueEntry(
                    combination.Domain, combination.TaskFieldCode, fieldName != null ? fieldName.Name : null, combination.Year, combination.Stage))
            .ToListAsync(cancellationToken);

    /// <summary>Every municipality in the benchmark (any can be the home municipality), in the order of the "gemeente" choice.</summary>
    public async Task<IReadOnlyList<EntityOption>> MunicipalitiesAsync(CancellationToken cancellationToken) =>
        BenchmarkCatalogue.SortMunicipalities(
            await db.Municipalities.AsNoTracking().Where(m => m.Kind == BenchmarkEntityKind.Municipality).Select(m => new EntityOption(m.Code, m.Name)).ToListAsync(cancellationToken));

    /// <summary>
    /// Round trip 2: every municipality (the G40 members are ranked; any can be home or peer) and the references, each
    /// with its latest characteristics and its values for the selected domain/task field in every column.
    /// </summary>
    private async Task<IReadOnlyList<BenchmarkEntity>> EntitiesAsync(FieldOption field, CancellationToken cancellationToken)
    {
        var domain = field.Domain;
        var taskField = field.TaskFieldCode;
        var rows = await db.Municipalities.AsNoTracking()
            .Where(m => m.Kind == BenchmarkEntityKind.Municipality || m.Kind == BenchmarkEntityKind.G40Average || m.Kind == BenchmarkEntityKind.SizeClass || m.Kind == BenchmarkEntityKind.Netherlands)
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
                Values = db.BenchmarkObservations
                    .Where(o => o.MunicipalityCode == m.Code && o.Domain == domain && o.TaskFieldCode == taskField)
                    .Select(o => new ColumnValue(o.Year, o.Stage, o.ValuePerInhabitant))
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BenchmarkEntity(r.Code, r.Name, r.Kind, r.IsG40, r.SizeClassCode, r.Characteristics, r.Values)).ToList();
    }

    /// <summary>
    /// Round trip 3: the data-quality findings for this domain/task field (the G40 average per column), the printed
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
