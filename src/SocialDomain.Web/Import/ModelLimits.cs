using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SocialDomain.Web.Import;

/// <summary>
/// Checks parsed rows against the database's column limits (text length, digits before the decimal
/// point), so that a value that does not fit becomes a problem with file, line and column instead of a
/// database error halfway through the transaction.
/// </summary>
internal static class ModelLimits
{
    /// <summary>Entity properties whose CSV column is not their snake_case name.</summary>
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["DataSource"] = "source",
        ["ScopeCode"] = "code",
        ["ProgrammeCode"] = "programme",
        ["TaskFieldCode"] = "task_field",
        ["MunicipalityCode"] = "entity_code",
        ["SizeClassCode"] = "size_class",
        ["ValuePerInhabitant"] = "value",
        ["TargetValue"] = "target_value",
        ["Document"] = "source_document",
        ["Section"] = "source_section",
    };

    public static void Check(IModel model, Batch batch, IReadOnlyDictionary<string, CsvSheet> sheets)
    {
        Check(model, batch.Programmes, sheets, "programmes");
        Check(model, batch.TaskFields, sheets, "task_fields");
        Check(model, batch.Entities, sheets, "entities");
        Check(model, batch.Characteristics, sheets, "characteristics");
        Check(model, batch.Observations, sheets, "benchmark_observations");
        Check(model, batch.Kpis, sheets, "kpis");
        Check(model, batch.Targets.Select(t => new Item<Data.Entities.KpiTarget>(t.Row, t.Value)), sheets, "targets");
        Check(model, batch.Measurements.Select(m => new Item<Data.Entities.KpiMeasurement>(m.Row, m.Value)), sheets, "measurements");
        Check(model, batch.ReferenceValues.Select(r => new Item<Data.Entities.KpiReferenceValue>(r.Row, r.Value)), sheets, "reference_values");
        Check(model, batch.BudgetLines, sheets, "budget_lines");
        Check(model, batch.Projects, sheets, "projects");
        Check(model, batch.ProjectBudgets, sheets, "project_budgets");
        Check(model, batch.ReserveMovements, sheets, "reserve_movements");
        Check(model, batch.BudgetCycle.Select(b => new Item<Data.Entities.BudgetLine>(b.Row, b.Line)), sheets, BudgetCycleImport.Dataset);
        Check(model, batch.Thresholds, sheets, "explanation_thresholds");
    }

    private static void Check<T>(IModel model, IEnumerable<Item<T>> items, IReadOnlyDictionary<string, CsvSheet> sheets, string dataset)
    {
        if (!sheets.TryGetValue(dataset, out var sheet) || model.FindEntityType(typeof(T)) is not { } entityType)
        {
            return;
        }

        var properties = entityType.GetProperties().Where(p => p.PropertyInfo is not null)
            .Select(p => (Property: (IReadOnlyProperty)p, Read: (Func<object, object?>)(o => p.PropertyInfo!.GetValue(o))))
            .Concat(entityType.GetComplexProperties().Where(c => c.PropertyInfo is not null).SelectMany(c => c.ComplexType.GetProperties()
                .Where(p => p.PropertyInfo is not null)
                .Select(p => (Property: (IReadOnlyProperty)p, Read: (Func<object, object?>)(o => c.PropertyInfo!.GetValue(o) is { } owner ? p.PropertyInfo!.GetValue(owner) : null)))))
            .ToList();
        foreach (var (row, value) in items)
        {
            foreach (var (property, read) in properties)
            {
                var column = ColumnOf.GetValueOrDefault(property.Name) ?? Snake(property.Name);
                column = sheet.HasColumn(column) ? column : null;
                switch (read(value!))
                {
                    case string text when property.GetMaxLength() is { } max && text.Length > max:
                        sheet.Problem(row, column, $"Tekst is te lang ({text.Length} tekens; maximaal {max}).");
                        break;
                    case decimal number when property.GetRelationalTypeMapping() is { Precision: { } precision } mapping
                        && Math.Abs(number) >= Pow10(precision - (mapping.Scale ?? 0)):
                        sheet.Problem(row, column,
                            $"{number.ToString(CultureInfo.GetCultureInfo("nl-NL"))} is te groot (hoogstens {precision - (mapping.Scale ?? 0)} cijfers voor de komma).");
                        break;
                }
            }
        }
    }

    private static decimal Pow10(int digits) => digits >= 28 ? decimal.MaxValue : (decimal)Math.Pow(10, digits);

    /// <summary>"TaskFieldCode" → "task_field_code": the CSV column of a property.</summary>
    public static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
