using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Features.Benchmark;

/// <summary>
/// The benchmark catalogue (the menu of /benchmark, ADR 0016) is kept on every write of observations: after every kind of
/// change it equals the DISTINCT domain/task field/year/stage of benchmark_observations, computed here from scratch.
/// </summary>
public class BenchmarkCatalogueTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Header = "entity_code;domain;task_field;year;stage;value;source_document;source_section;source_name";

    /// <summary>The seed's task fields per benchmark domain (the domain total is their sum).</summary>
    private static readonly (string Domain, string[] Fields)[] Domains =
        [("jeugd", ["6.72", "6.82"]), ("wmo", ["6.6", "6.71"]), ("voorveld", ["6.1", "6.2"])];

    private static readonly string[] Members = ["GM0402", "GM0034", "GM0363"];

    [Fact]
    public async Task Catalogue_EqualsTheDistinctOfTheObservations_AfterSeedingImportCorrigendumPreviewAndRejectedImport()
    {
        await using (var db = Database.CreateContext())
        {
            (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        }

        // Seeding: the seed's 9 fields × 5 columns (2017 and 2018 jaarrekening, 2019 begroting and jaarrekening, 2020 begroting).
        (await AssertCatalogueEqualsDistinctAsync()).Should().HaveCount(45);

        // An import of benchmark data with a new year adds its three combinations (two task fields and the total).
        (await ImportAsync(Rows("GM0402", "jeugd", 2030, "jaarrekening", -100m, -50m))).Succeeded.Should().BeTrue();
        var afterImport = await AssertCatalogueEqualsDistinctAsync();
        afterImport.Should().HaveCount(48).And.Contain(new Key(SocialDomainArea.Jeugd, null, 2030, BenchmarkStage.AnnualAccounts));

        // A corrigendum (the same keys with other values, another municipality in an existing column) changes no combination.
        (await ImportAsync(Rows("GM0402", "jeugd", 2030, "jaarrekening", -101m, -49m), Rows("GM0034", "jeugd", 2018, "jaarrekening", -1m, -2m)))
            .Succeeded.Should().BeTrue();
        (await AssertCatalogueEqualsDistinctAsync()).Should().BeEquivalentTo(afterImport);

        // A preview (applied, then rolled back) and a rejected import write nothing, also not to the catalogue.
        (await ImportAsync(preview: true, Rows("GM0402", "wmo", 2031, "begroting", -10m, -20m))).Succeeded.Should().BeTrue();
        (await ImportAsync(Rows("GM0402", "wmo", 2032, "begroting", -10m, -20m, total: -99m))).Succeeded.Should().BeFalse();
        (await AssertCatalogueEqualsDistinctAsync()).Should().BeEquivalentTo(afterImport);

        // Seeding again (the seed is a re-import of the same files) changes nothing either.
        await using (var db = Database.CreateContext())
        {
            (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        }

        (await AssertCatalogueEqualsDistinctAsync()).Should().BeEquivalentTo(afterImport);
    }

    [Fact]
    public async Task Rebuild_MakesTheCatalogueEqualToTheObservations_AfterWritesOutsideTheApp()
    {
        await using var db = Database.CreateContext();
        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        // Written with SQL, as the load benchmark's COPY does: one new combination, and every observation of one column gone.
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO benchmark_observations (municipality_code, domain, task_field_code, year, stage, value_per_inhabitant, source_document, source_section)
            VALUES ('GM0402', 'Wmo', '6.6', 2040, 'Budget', -5, '003', 'test');
            DELETE FROM benchmark_observations WHERE year = 2017;
            """);
        (await CatalogueAsync(db)).Should().Contain(k => k.Year == 2017).And.NotContain(k => k.Year == 2040);

        var result = await BenchmarkCatalogueStore.RebuildAsync(db, CancellationToken.None);

        result.Should().Be(new CatalogueRebuild(Added: 1, Removed: 9));
        var catalogue = await AssertCatalogueEqualsDistinctAsync();
        catalogue.Should().Contain(new Key(SocialDomainArea.Wmo, "6.6", 2040, BenchmarkStage.Budget)).And.NotContain(k => k.Year == 2017);
        (await BenchmarkCatalogueStore.RebuildAsync(db, CancellationToken.None)).Should().Be(new CatalogueRebuild(0, 0), "a rebuild of an equal catalogue changes nothing");
    }

    /// <summary>A fixed-seed random sequence of 30 changes: imports of new and existing columns, corrigenda, previews, rejected imports, re-seeding, rebuilds.</summary>
    [Fact]
    public async Task Catalogue_EqualsTheDistinctOfTheObservations_AfterEveryStepOfARandomSequenceOfChanges()
    {
        await using (var db = Database.CreateContext())
        {
            (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        }

        var random = new Random(2126);
        var kinds = new List<string>();
        for (var step = 0; step < 30; step++)
        {
            var (domain, _) = Domains[random.Next(Domains.Length)];
            var year = 2014 + random.Next(10); // 2017–2020 are the seed's years: some steps correct existing figures
            var stage = random.Next(2) == 0 ? "jaarrekening" : "begroting";
            var rows = Rows(Members[random.Next(Members.Length)], domain, year, stage, -random.Next(1, 500), -random.Next(1, 500));
            var before = await CatalogueAsync();
            var kind = random.Next(6) switch
            {
                0 => "preview",
                1 => "rejected",
                2 => "reseed",
                3 => "rebuild",
                _ => "import",
            };
            kinds.Add(kind);
            switch (kind)
            {
                case "preview":
                    (await ImportAsync(preview: true, rows)).Succeeded.Should().BeTrue();
                    break;
                case "rejected":
                    (await ImportAsync(Rows(Members[0], domain, year, stage, -1m, -2m, total: -4m))).Succeeded.Should().BeFalse();
                    break;
                case "reseed":
                    await using (var db = Database.CreateContext())
                    {
                        (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
                    }

                    break;
                case "rebuild":
                    await using (var db = Database.CreateContext())
                    {
                        (await BenchmarkCatalogueStore.RebuildAsync(db, CancellationToken.None)).Should().Be(new CatalogueRebuild(0, 0));
                    }

                    break;
                default:
                    (await ImportAsync(rows)).Succeeded.Should().BeTrue();
                    break;
            }

            var after = await AssertCatalogueEqualsDistinctAsync($"step {step} ({kind})");
            if (kind != "import")
            {
                after.Should().BeEquivalentTo(before, $"step {step} ({kind}) writes no new observation");
            }
        }

        kinds.Distinct().Should().HaveCount(5, "the sequence exercises every kind of change");
    }

    /// <summary>The two task fields and the domain total (their sum unless <paramref name="total"/> says otherwise) of one municipality in one column.</summary>
    private static string[] Rows(string municipality, string domain, int year, string stage, decimal first, decimal second, decimal? total = null)
    {
        var fields = Domains.Single(d => d.Domain == domain).Fields;
        return
        [
            Row(municipality, domain, fields[0], year, stage, first),
            Row(municipality, domain, fields[1], year, stage, second),
            Row(municipality, domain, "totaal", year, stage, total ?? (first + second)),
        ];
    }

    private static string Row(string municipality, string domain, string field, int year, string stage, decimal value) =>
        string.Create(CultureInfo.InvariantCulture, $"{municipality};{domain};{field};{year};{stage};{value};003;test;");

    private Task<ImportReport> ImportAsync(params string[][] rows) => ImportAsync(false, rows);

    private async Task<ImportReport> ImportAsync(bool preview, params string[][] rows)
    {
        var file = new ImportFile("benchmark_observations.csv", Encoding.UTF8.GetBytes(string.Join("\n", rows.SelectMany(r => r).Prepend(Header)) + "\n"));
        await using var db = Database.CreateContext();
        return await new DatasetImporter(db).ImportAsync([file], preview: preview);
    }

    private async Task<List<Key>> CatalogueAsync()
    {
        await using var db = Database.CreateContext();
        return await CatalogueAsync(db);
    }

    private static Task<List<Key>> CatalogueAsync(SocialDomainDbContext db) =>
        db.BenchmarkCatalogue.AsNoTracking().Select(c => new Key(c.Domain, c.TaskFieldCode, c.Year, c.Stage)).ToListAsync();

    /// <summary>The catalogue, after asserting that it holds each combination once and equals the DISTINCT of the observations.</summary>
    private async Task<List<Key>> AssertCatalogueEqualsDistinctAsync(string because = "")
    {
        await using var db = Database.CreateContext();
        var catalogue = await CatalogueAsync(db);
        var distinct = await db.BenchmarkObservations.AsNoTracking().Select(o => new Key(o.Domain, o.TaskFieldCode, o.Year, o.Stage)).Distinct().ToListAsync();
        catalogue.Should().OnlyHaveUniqueItems(because).And.BeEquivalentTo(distinct, because);
        return catalogue;
    }

    private sealed record Key(SocialDomainArea Domain, string? TaskFieldCode, int Year, BenchmarkStage Stage);
}
