using System.Globalization;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Tests.Features.Benchmark;

/// <summary>
/// The G40 seed (SeedData/g40: KPMG 2020, bijlagen 1–3, seed 003) read straight from its CSV files into the shapes
/// <see cref="BenchmarkQuery"/> returns, so the report builder can be tested without a database.
/// </summary>
internal static class G40Seed
{
    /// <summary>The configured municipality of the demo dataset (appsettings.json): Hilversum.</summary>
    public const string HomeCode = "GM0402";

    private static readonly Lazy<Data> Loaded = new(Load);

    public static IReadOnlyList<CatalogueEntry> Catalogue => Loaded.Value.Catalogue;

    /// <summary>The choice for a request, as the query makes it from the catalogue.</summary>
    public static BenchmarkChoice Choose(BenchmarkInput input) => BenchmarkSelection.Choose(Catalogue, input)!;

    /// <summary>The G40 members and references with their values for one field, and the characteristics of one snapshot.</summary>
    /// <param name="snapshot">"2020-09" (the latest, as the query takes it) or "2019-12" (the columns of the worked example).</param>
    public static IReadOnlyList<BenchmarkEntity> Entities(FieldOption field, string snapshot = "2020-09") =>
        Loaded.Value.Entities.Select(e => new BenchmarkEntity(e.Code, e.Name, e.Kind, e.IsG40, e.SizeClass,
                Loaded.Value.Characteristics.GetValueOrDefault((e.Code, snapshot)),
                Loaded.Value.Observations
                    .Where(o => o.Code == e.Code && o.Domain == field.Domain && o.TaskField == field.TaskFieldCode)
                    .Select(o => new ColumnValue(o.Year, o.Stage, o.Value)).ToList()))
            .ToList();

    public static BenchmarkReport Report(BenchmarkInput input, IReadOnlyList<FindingData>? findings = null, string snapshot = "2020-09")
    {
        var choice = Choose(input);
        return BenchmarkReport.Build(choice, Entities(choice.Field, snapshot), findings ?? [], input.Home, HomeCode);
    }

    public static BenchmarkInput Input(string? field = null, string? column = null, string? home = null, params (string Key, string Value)[] weights) =>
        new(field, column, home, weights.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal));

    private static Data Load()
    {
        var directory = Path.Combine(SeedData.Directory, "g40");
        var taskFields = Rows(Path.Combine(SeedData.Directory, "reference", "task_fields.csv")).ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);
        var entities = Rows(Path.Combine(directory, "entities.csv"))
            .Select(r => new Entity(r[0], r[1], Tokens.EntityKind[r[2]], r[3] == "true", r[5].Length == 0 ? null : r[5]))
            .ToList();
        var observations = Rows(Path.Combine(directory, "benchmark_observations.csv"))
            .Select(r => new Observation(r[0], Tokens.Domain[r[1]], r[2] == "totaal" ? null : r[2], int.Parse(r[3], CultureInfo.InvariantCulture),
                Tokens.BenchmarkStage[r[4]], r[5].Length == 0 ? null : decimal.Parse(r[5], CultureInfo.InvariantCulture)))
            .ToList();
        var characteristics = Rows(Path.Combine(directory, "characteristics.csv"))
            .ToDictionary(r => (r[0], r[1]), r => new CharacteristicValues(
                DateOnly.ParseExact(r[1] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                r[2].Length == 0 ? null : int.Parse(r[2], CultureInfo.InvariantCulture),
                Number(r[3]), Number(r[4]), Number(r[5]), Number(r[6]), Number(r[7])));
        var catalogue = observations.Select(o => (o.Domain, o.TaskField, o.Year, o.Stage)).Distinct()
            .Select(c => new CatalogueEntry(c.Domain, c.TaskField, c.TaskField is null ? null : taskFields[c.TaskField], c.Year, c.Stage))
            .ToList();
        return new Data(catalogue, entities, observations, characteristics);
    }

    private static decimal? Number(string text) => text.Length == 0 ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(string path) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(';'));

    private sealed record Entity(string Code, string Name, BenchmarkEntityKind Kind, bool IsG40, string? SizeClass);

    private sealed record Observation(string Code, SocialDomainArea Domain, string? TaskField, int Year, BenchmarkStage Stage, decimal? Value);

    private sealed record Data(
        IReadOnlyList<CatalogueEntry> Catalogue,
        IReadOnlyList<Entity> Entities,
        IReadOnlyList<Observation> Observations,
        IReadOnlyDictionary<(string Code, string Snapshot), CharacteristicValues> Characteristics);
}
