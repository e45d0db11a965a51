using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Import;

/// <summary>
/// Recomputes the aggregates the benchmark data allows and stores every difference with the stated
/// value as a <see cref="DataQualityFinding"/>: the G40 and G4 averages from their members, and the
/// growth and deficit percentages printed under the tables from the averages they summarise.
/// A source error is information for the user, not a reason to reject the import.
/// </summary>
public static class DataQualityChecks
{
    public const string Dataset = "g40";

    /// <summary>Codes of the stated averages that are checked against their members (<see cref="DataQualityFinding.EntityCode"/>).</summary>
    public const string G40AverageCode = "G40";

    public const string G4AverageCode = "G4";

    /// <summary>Half a unit of the printed averages' last digit (they have one decimal).</summary>
    public const decimal AverageHalfUnit = 0.05m;

    /// <summary>Benchmark checks that every import re-evaluates (they need no printed statements).</summary>
    private static readonly DataQualityCheck?[] AlwaysReevaluated =
        [DataQualityCheck.Average, DataQualityCheck.TotalOfTaskFields, DataQualityCheck.SwappedTaskFields, DataQualityCheck.OutsideOwnYears];

    /// <param name="summaries">The printed percentages of this import; summary findings are only
    /// re-evaluated when the import contains them.</param>
    /// <param name="sourceChecks">The rows of source_checks.csv of this import; the "hilversum" findings are only
    /// re-evaluated when the import contains them.</param>
    public static async Task<int> RecordAsync(
        SocialDomainDbContext db, IReadOnlyList<StatedSummary> summaries, CancellationToken ct, IReadOnlyList<SourceCheck>? sourceChecks = null)
    {
        var entities = await db.Municipalities.AsNoTracking()
            .Select(e => new { e.Code, e.Name, e.Kind, e.IsG40, e.IsG4 }).ToListAsync(ct);
        var observations = await db.BenchmarkObservations.AsNoTracking().ToListAsync(ct);
        var names = entities.ToDictionary(e => e.Code, e => e.Name, StringComparer.Ordinal);
        var found = new Dictionary<string, DataQualityFinding>(StringComparer.Ordinal);

        var g40Members = entities.Where(e => e.IsG40).Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var g4Members = entities.Where(e => e.IsG4).Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var column in observations.GroupBy(o => (o.Domain, o.TaskFieldCode, o.Year, o.Stage)))
        {
            CheckAverage(found, column.Key, column.ToList(), G40AverageCode, g40Members, names);
            CheckAverage(found, column.Key, column.ToList(), G4AverageCode, g4Members, names);
        }

        foreach (var summary in summaries)
        {
            CheckSummary(found, summary, observations, g40Members, g4Members);
        }

        foreach (var finding in BenchmarkPlausibility.Find(observations, names))
        {
            found[finding.Subject] = finding;
        }

        await StoreAsync(db, Dataset, found.Values, summaries.Count > 0
            ? [.. AlwaysReevaluated, DataQualityCheck.Growth, DataQualityCheck.BudgetDeficit]
            : AlwaysReevaluated, ct);
        if (sourceChecks is { Count: > 0 })
        {
            var checks = await SourceCheckRunner.RunAsync(db, sourceChecks, ct);
            await StoreAsync(db, SourceCheckRunner.Dataset, checks, null, ct);
        }

        await db.SaveChangesAsync(ct);
        return await db.DataQualityFindings.CountAsync(ct);
    }

    /// <summary>Upserts the findings of one dataset by subject and drops the stored ones of the re-evaluated kinds
    /// (null: all kinds) that no longer apply.</summary>
    private static async Task StoreAsync(
        SocialDomainDbContext db, string dataset, IEnumerable<DataQualityFinding> findings, IReadOnlyCollection<DataQualityCheck?>? reevaluated, CancellationToken ct)
    {
        var found = findings.ToDictionary(f => f.Subject, StringComparer.Ordinal);
        var stored = await db.DataQualityFindings.Where(f => f.Dataset == dataset).ToListAsync(ct);
        foreach (var old in stored.Where(s => !found.ContainsKey(s.Subject) && (reevaluated is null || reevaluated.Contains(s.Kind))))
        {
            db.DataQualityFindings.Remove(old);
        }

        var bySubject = stored.ToDictionary(s => s.Subject, StringComparer.Ordinal);
        foreach (var finding in found.Values)
        {
            if (bySubject.TryGetValue(finding.Subject, out var existing))
            {
                existing.Message = finding.Message;
                existing.Kind = finding.Kind;
                existing.EntityCode = finding.EntityCode;
                existing.Domain = finding.Domain;
                existing.TaskFieldCode = finding.TaskFieldCode;
                existing.Year = finding.Year;
                existing.Stage = finding.Stage;
                existing.FromYear = finding.FromYear;
                existing.FromStage = finding.FromStage;
                existing.StatedValue = finding.StatedValue;
                existing.RecomputedValue = finding.RecomputedValue;
                existing.Difference = finding.Difference;
                existing.Count = finding.Count;
                existing.RoundingOnly = finding.RoundingOnly;
                existing.KpiCode = finding.KpiCode;
                existing.BudgetScope = finding.BudgetScope;
                existing.BudgetCode = finding.BudgetCode;
                if (!existing.Missing.SequenceEqual(finding.Missing))
                {
                    existing.Missing = finding.Missing;
                }

                existing.Source = finding.Source;
            }
            else
            {
                db.DataQualityFindings.Add(finding);
            }
        }
    }

    private static void CheckAverage(
        Dictionary<string, DataQualityFinding> found,
        (SocialDomainArea Domain, string? TaskField, int Year, BenchmarkStage Stage) column,
        List<BenchmarkObservation> rows,
        string aggregateCode,
        HashSet<string> members,
        Dictionary<string, string> names)
    {
        var stated = rows.FirstOrDefault(r => r.MunicipalityCode == aggregateCode);
        if (stated?.ValuePerInhabitant is not { } statedValue || members.Count == 0)
        {
            return;
        }

        var values = members.Order(StringComparer.Ordinal)
            .Select(code => new MunicipalityValue(code, rows.FirstOrDefault(r => r.MunicipalityCode == code)?.ValuePerInhabitant))
            .ToList();
        var check = DataQuality.CompareStatedAverage(statedValue, values);
        var average = Benchmark.Average(values);
        if (check.IsConsistent == true && average.Missing.Count == 0)
        {
            return;
        }

        var label = $"{ColumnLabel(column.Domain, column.TaskField, column.Year, column.Stage)}";
        var missingNames = average.Missing.Select(code => names.GetValueOrDefault(code, code)).ToList();
        var what = check.IsConsistent == true
            ? $"Het vermelde {aggregateCode}-gemiddelde ({label}) klopt met het herberekende gemiddelde van {average.N} gemeenten, maar {string.Join(", ", missingNames)} heeft geen waarde."
            : $"Het vermelde {aggregateCode}-gemiddelde ({label}) is {Show(statedValue)}; het ongewogen gemiddelde van de {average.N} gemeenten met een waarde is {Show(check.Recomputed)} (verschil {Show(check.Difference)})."
              + (missingNames.Count > 0 ? $" Zonder waarde: {string.Join(", ", missingNames)}." : string.Empty);
        var finding = new DataQualityFinding
        {
            Dataset = Dataset,
            Subject = string.Empty,
            Kind = DataQualityCheck.Average,
            EntityCode = aggregateCode,
            Domain = column.Domain,
            TaskFieldCode = column.TaskField,
            Year = column.Year,
            Stage = column.Stage,
            Message = what,
            StatedValue = statedValue,
            RecomputedValue = check.Recomputed is { } r ? Math.Round(r, 4) : null,
            Difference = check.Difference is { } d ? Math.Round(d, 4) : null,
            Count = average.N,
            Missing = average.Missing.ToList(),
            Source = stated.Source,
        };
        finding.Subject = SubjectOf(finding);
        found[finding.Subject] = finding;
    }

    private static void CheckSummary(
        Dictionary<string, DataQualityFinding> found,
        StatedSummary summary,
        List<BenchmarkObservation> observations,
        HashSet<string> g40Members,
        HashSet<string> g4Members)
    {
        decimal? Stated(int year, BenchmarkStage stage) => observations.FirstOrDefault(o =>
            o.MunicipalityCode == summary.EntityCode && o.Domain == summary.Domain && o.TaskFieldCode is null
            && o.Year == year && o.Stage == stage)?.ValuePerInhabitant;

        var from = Stated(summary.FromYear, summary.FromStage);
        var to = Stated(summary.ToYear, summary.ToStage);
        var what = summary.Kind == StatedSummaryKind.Growth ? "De vermelde stijging van de lasten" : "Het vermelde begrote tekort t.o.v. de lasten";
        var period = $"{summary.FromYear} {DutchText.BenchmarkStage(summary.FromStage)} → {summary.ToYear} {DutchText.BenchmarkStage(summary.ToStage)}";
        if (from is not { } f || to is not { } t || Growth.NetCostPercent(f, t) is not { IsOk: true } growth)
        {
            Add(found, Finding(summary,
                $"{what} van het {summary.EntityCode}-gemiddelde ({DutchText.Domain(summary.Domain)}, {period}) van {Show(summary.StatedPercent)}% is niet na te rekenen: een van de gemiddelden ontbreekt.",
                null));
            return;
        }

        // The printed averages have one decimal, so each stands for a value within ±0,05; the percentage is compared with the
        // range those allow, widened by half a unit of its own last digit (docs/data-sources/checks.md, "Printed percentages").
        var statedHalfUnit = SourceChecks.HalfUnit(summary.StatedPercent);
        var check = SourceChecks.ChangePercent(summary.StatedPercent, statedHalfUnit, -f, -t, AverageHalfUnit);

        // The same percentage from the averages recomputed from the members (a printed average can itself be wrong).
        var members = summary.EntityCode == G4AverageCode ? g4Members : g40Members;
        decimal? Recomputed(int year, BenchmarkStage stage) => Benchmark.Average(members.Order(StringComparer.Ordinal)
            .Select(code => new MunicipalityValue(code, observations.FirstOrDefault(o =>
                o.MunicipalityCode == code && o.Domain == summary.Domain && o.TaskFieldCode is null && o.Year == year && o.Stage == stage)?.ValuePerInhabitant))
            .ToList()).Mean;
        var viaMembers = Recomputed(summary.FromYear, summary.FromStage) is { } rf && Recomputed(summary.ToYear, summary.ToStage) is { } rt
            ? SourceChecks.ChangePercent(summary.StatedPercent, statedHalfUnit, -rf, -rt, AverageHalfUnit)
            : null;
        if (!check.IsFinding && viaMembers is not { IsFinding: true })
        {
            return;
        }

        var alternative = viaMembers?.Recomputed is { } v ? $" Uit de herberekende gemiddelden van de gemeenten volgt {Show(v, 2)}%." : string.Empty;
        var range = check.Allowed is { } allowed ? $" (met de afronding van de gemiddelden: {Show(allowed.Low, 2)} tot {Show(allowed.High, 2)}%)" : string.Empty;
        Add(found, Finding(summary,
            $"{what} van het {summary.EntityCode}-gemiddelde ({DutchText.Domain(summary.Domain)}, {period}) is {Show(summary.StatedPercent)}%; uit de vermelde gemiddelden ({Show(f)} → {Show(t)}) volgt {Show(growth.Value, 2)}%{range}.{alternative}",
            !check.IsFinding && viaMembers?.Recomputed is { } recomputedViaMembers ? recomputedViaMembers : growth.Value));
    }

    private static void Add(Dictionary<string, DataQualityFinding> found, DataQualityFinding finding)
    {
        finding.Subject = SubjectOf(finding);
        found[finding.Subject] = finding;
    }

    private static DataQualityFinding Finding(StatedSummary summary, string message, decimal? recomputed) => new()
    {
        Dataset = Dataset,
        Subject = string.Empty,
        Kind = summary.Kind == StatedSummaryKind.Growth ? DataQualityCheck.Growth : DataQualityCheck.BudgetDeficit,
        EntityCode = summary.EntityCode,
        Domain = summary.Domain,
        FromYear = summary.FromYear,
        FromStage = summary.FromStage,
        Year = summary.ToYear,
        Stage = summary.ToStage,
        Message = message,
        StatedValue = summary.StatedPercent,
        RecomputedValue = recomputed is { } r ? Math.Round(r, 4) : null,
        Difference = recomputed is { } x ? Math.Round(summary.StatedPercent - x, 4) : null,
        Source = summary.Source,
    };

    private static string ColumnLabel(SocialDomainArea domain, string? taskField, int year, BenchmarkStage stage) =>
        $"{DutchText.Domain(domain)} {(taskField is null ? "totaal" : "taakveld " + taskField)}, {year} {DutchText.BenchmarkStage(stage)}";

    /// <summary>
    /// The stable text key of a finding, composed from its structured columns (the only place it is made; nothing parses
    /// it back): "average/G40/jeugd/totaal/2020/Budget" for a recomputed average,
    /// "summary/G4/wmo/Growth/2017-AnnualAccounts/2018-AnnualAccounts" for a printed change (the kind's name is the
    /// StatedSummaryKind's name: Growth, BudgetDeficit).
    /// </summary>
    public static string SubjectOf(DataQualityFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var domain = finding.Domain is { } d ? DomainKey(d) : string.Empty;
        return finding.Kind switch
        {
            DataQualityCheck.Average => string.Create(CultureInfo.InvariantCulture,
                $"average/{finding.EntityCode}/{domain}/{finding.TaskFieldCode ?? "totaal"}/{finding.Year}/{finding.Stage}"),
            DataQualityCheck.Growth or DataQualityCheck.BudgetDeficit => string.Create(CultureInfo.InvariantCulture,
                $"summary/{finding.EntityCode}/{domain}/{finding.Kind}/{finding.FromYear}-{finding.FromStage}/{finding.Year}-{finding.Stage}"),
            DataQualityCheck.TotalOfTaskFields or DataQualityCheck.SwappedTaskFields or DataQualityCheck.OutsideOwnYears => string.Create(CultureInfo.InvariantCulture,
                $"plausibility/{finding.Kind}/{finding.EntityCode}/{domain}/{finding.TaskFieldCode ?? "totaal"}/{finding.Year}/{finding.Stage}"),
            _ => finding.Subject,
        };
    }

    private static string DomainKey(SocialDomainArea domain) => domain.ToString().ToLowerInvariant();

    private static string Show(decimal? value, int decimals = 2) =>
        value is { } v ? DutchFormat.Number(Math.Round(v, decimals, MidpointRounding.AwayFromZero), decimals) : "–";
}
