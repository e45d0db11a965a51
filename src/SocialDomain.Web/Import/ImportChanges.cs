using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Import;

/// <summary>What an import changes in one dataset: rows added and rows changed (an import never deletes).</summary>
public sealed record DatasetChangeCount(int New, int Changed)
{
    public int Deleted => 0;
}

/// <summary>One changed row: its table, its natural key and each changed column's value before and after.</summary>
public sealed record RowChange(string Table, string Key, IReadOnlyDictionary<string, ValueChange> Columns);

public sealed record ValueChange(string? Before, string? After);

/// <summary>
/// Watches an import's SaveChanges calls (EF's change tracker, before each save) and records, per dataset, how many rows
/// are new and how many changed, and for changed rows the values before and after (the first
/// <see cref="ImportReport.ChangesListed"/>, with a total count). The preview shows the counts; the audit row stores the changes.
/// </summary>
internal sealed class ImportChanges : IDisposable
{
    private static readonly Dictionary<Type, string> Datasets = new()
    {
        [typeof(Programme)] = "programmes",
        [typeof(TaskField)] = "task_fields",
        [typeof(Municipality)] = "entities",
        [typeof(MunicipalityCharacteristics)] = "characteristics",
        [typeof(BenchmarkObservation)] = "benchmark_observations",
        [typeof(Kpi)] = "kpis",
        [typeof(KpiTarget)] = "targets",
        [typeof(KpiMeasurement)] = "measurements",
        [typeof(KpiReferenceValue)] = "reference_values",
        [typeof(BudgetLine)] = "budget_lines",
        [typeof(Project)] = "projects",
        [typeof(ProjectBudget)] = "project_budgets",
        [typeof(ReserveMovement)] = "reserve_movements",
    };

    private readonly SocialDomainDbContext _db;
    private readonly ImportReport _report;

    private readonly Func<object, string?>? _datasetOf;

    private ImportChanges(SocialDomainDbContext db, ImportReport report, Func<object, string?>? datasetOf)
    {
        _db = db;
        _report = report;
        _datasetOf = datasetOf;
        db.SavingChanges += OnSaving;
    }

    /// <param name="datasetOf">The dataset of an entity when its type alone does not say it (a budget line of the IV3 budget cycle); null otherwise.</param>
    public static ImportChanges Record(SocialDomainDbContext db, ImportReport report, Func<object, string?>? datasetOf = null) => new(db, report, datasetOf);

    public void Dispose() => _db.SavingChanges -= OnSaving;

    private void OnSaving(object? sender, SavingChangesEventArgs e)
    {
        _db.ChangeTracker.DetectChanges();
        foreach (var entry in _db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || !Datasets.TryGetValue(entry.Metadata.ClrType, out var dataset))
            {
                continue;
            }

            dataset = _datasetOf?.Invoke(entry.Entity) ?? dataset;

            var count = _report.Datasets.GetValueOrDefault(dataset) ?? new DatasetChangeCount(0, 0);
            if (entry.State == EntityState.Added)
            {
                _report.Datasets[dataset] = count with { New = count.New + 1 };
                continue;
            }

            _report.Datasets[dataset] = count with { Changed = count.Changed + 1 };
            _report.ChangeCount++;
            if (_report.Changes.Count < ImportReport.ChangesListed)
            {
                _report.Changes.Add(Describe(entry, dataset));
            }
        }
    }

    private static RowChange Describe(EntityEntry entry, string dataset)
    {
        var columns = new SortedDictionary<string, ValueChange>(StringComparer.Ordinal);
        foreach (var property in entry.Properties.Where(p => p.IsModified))
        {
            columns[property.Metadata.GetColumnName()] = new ValueChange(Text(property.OriginalValue), Text(property.CurrentValue));
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties.Where(p => p.IsModified))
            {
                columns[property.Metadata.GetColumnName()] = new ValueChange(Text(property.OriginalValue), Text(property.CurrentValue));
            }
        }

        // The natural key (the entity's first unique index) says which row it is; the surrogate id otherwise.
        var key = entry.Metadata.GetIndexes().FirstOrDefault(i => i.IsUnique)?.Properties ?? entry.Metadata.FindPrimaryKey()!.Properties;
        return new RowChange(dataset, string.Join("/", key.Select(p => Text(entry.Property(p.Name).CurrentValue) ?? "–")), columns);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
