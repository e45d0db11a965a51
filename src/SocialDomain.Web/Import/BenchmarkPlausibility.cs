using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Import;

/// <summary>
/// Plausibility of the benchmark rows of every municipality (docs/data-sources/checks.md, "Benchmark rows"): the domain
/// total per inhabitant against the sum of its own task fields, two task fields of one column that look swapped, and a
/// value far outside the municipality's own other columns. Findings go to the "g40" dataset, linked to the municipality.
/// </summary>
public static class BenchmarkPlausibility
{
    /// <summary>Each printed value has one decimal (±0,05).</summary>
    private const decimal HalfUnit = 0.05m;

    public static IEnumerable<DataQualityFinding> Find(IReadOnlyList<BenchmarkObservation> observations, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var fields = observations.Where(o => o.TaskFieldCode is not null).GroupBy(o => o.Domain)
            .ToDictionary(g => g.Key, g => g.Select(o => o.TaskFieldCode!).Distinct().Order(StringComparer.Ordinal).ToList());
        var values = observations.Where(o => o.ValuePerInhabitant is not null)
            .ToDictionary(o => (o.MunicipalityCode, o.Domain, o.TaskFieldCode, o.Year, o.Stage), o => o);
        var byMunicipality = observations.Where(o => o.MunicipalityCode.StartsWith("GM", StringComparison.Ordinal)).GroupBy(o => (o.MunicipalityCode, o.Domain));
        foreach (var group in byMunicipality)
        {
            var (code, domain) = group.Key;
            var name = names.GetValueOrDefault(code, code);
            var columns = group.Select(o => (o.Year, o.Stage)).Distinct().Order().ToList();
            var domainFields = fields.GetValueOrDefault(domain) ?? [];
            decimal? Value(string? field, (int Year, BenchmarkStage Stage) c) =>
                values.GetValueOrDefault((code, domain, field, c.Year, c.Stage))?.ValuePerInhabitant;
            List<decimal> Others(string? field, (int, BenchmarkStage) c) =>
                columns.Where(o => o != c).Select(o => Value(field, o)).OfType<decimal>().ToList();

            var explained = new HashSet<(string?, (int, BenchmarkStage))>();
            foreach (var column in columns)
            {
                if (Value(null, column) is { } total && values.TryGetValue((code, domain, null, column.Year, column.Stage), out var row))
                {
                    var parts = domainFields.Select(f => Value(f, column)).ToList();
                    var check = SourceChecks.Sum(total, HalfUnit, parts, HalfUnit);
                    if (check.Outcome == CheckOutcome.Deviation)
                    {
                        yield return Finding(DataQualityCheck.TotalOfTaskFields, row,
                            $"Het domeintotaal per inwoner van {name} ({Label(domain, null, column)}) is niet de som van de taakvelden: {check.Message}.",
                            total, check.Recomputed);
                    }
                }

                if (domainFields.Count == 2 && Value(domainFields[0], column) is { } a && Value(domainFields[1], column) is { } b
                    && Others(domainFields[0], column) is { Count: >= 3 } othersA && Others(domainFields[1], column) is { Count: >= 3 } othersB
                    && SourceChecks.LooksSwapped(a, b, SourceChecks.Median(othersA), SourceChecks.Median(othersB)))
                {
                    explained.Add((domainFields[0], column));
                    explained.Add((domainFields[1], column));
                    yield return Finding(DataQualityCheck.SwappedTaskFields, values[(code, domain, domainFields[0], column.Year, column.Stage)],
                        $"De taakvelden {domainFields[0]} en {domainFields[1]} van {name} ({DutchText.Domain(domain)}, {column.Year} {DutchText.BenchmarkStage(column.Stage)}) lijken verwisseld: {Show(a)} en {Show(b)}, "
                        + $"terwijl de andere jaren rond {Show(SourceChecks.Median(othersA))} en {Show(SourceChecks.Median(othersB))} liggen.",
                        a, b);
                }
            }

            foreach (var field in domainFields.Prepend(null))
            {
                foreach (var column in columns)
                {
                    if (Value(field, column) is { } value && !explained.Contains((field, column))
                        && Others(field, column) is var others && SourceChecks.IsFarOutsideOwnYears(value, others) == true)
                    {
                        var median = SourceChecks.Median(others);
                        yield return Finding(DataQualityCheck.OutsideOwnYears, values[(code, domain, field, column.Year, column.Stage)],
                            $"De waarde van {name} ({Label(domain, field, column)}) is {Show(value)} per inwoner; de andere jaren liggen rond {Show(median)} (mediaan van {others.Count}). "
                            + "Dat is meer dan € 100 en meer dan driemaal de mediaan ervan af.",
                            value, median);
                    }
                }
            }
        }
    }

    private static DataQualityFinding Finding(DataQualityCheck kind, BenchmarkObservation row, string message, decimal stated, decimal? recomputed)
    {
        var finding = new DataQualityFinding
        {
            Dataset = DataQualityChecks.Dataset,
            Subject = string.Empty,
            Kind = kind,
            EntityCode = row.MunicipalityCode,
            Domain = row.Domain,
            TaskFieldCode = row.TaskFieldCode,
            Year = row.Year,
            Stage = row.Stage,
            Message = message,
            StatedValue = stated,
            RecomputedValue = recomputed is { } r ? Math.Round(r, 4) : null,
            Difference = recomputed is { } d ? Math.Round(stated - d, 4) : null,
            Source = row.Source,
        };
        finding.Subject = DataQualityChecks.SubjectOf(finding);
        return finding;
    }

    private static string Label(SocialDomainArea domain, string? field, (int Year, BenchmarkStage Stage) column) =>
        $"{DutchText.Domain(domain)} {(field is null ? "totaal" : "taakveld " + field)}, {column.Year} {DutchText.BenchmarkStage(column.Stage)}";

    private static string Show(decimal value) => DutchFormat.Number(value, 1);
}
