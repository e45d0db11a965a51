using System.Net;
using System.Text;
using SocialDomain.Web.Data.Seeding;
using SocialDomain.Web.Import;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Pages;

/// <summary>
/// /projecten, /projecten/{code} and /reserves with data of an invented municipality: every heading and subtotal comes
/// from the data (names, parent codes), nothing from the demo set.
/// </summary>
public class ProjectPageTests(TestDatabase database) : DatabaseTest(database)
{
    private const string Source = "B7;begroting 2024, regel 12";

    /// <summary>A housing plan with a collective project of two parts and a loose project, covered by an own reserve.</summary>
    private async Task ArrangeAsync()
    {
        await using var db = Database.CreateContext();
        var files = new (string Name, string Text)[]
        {
            ("projects.csv", "code;name;description;source_document;source_section;role;parent_code\n"
                + $"HUIS;Huisvestingsplan Zeestad;Het plan als geheel;{Source};plan;\n"
                + $"GEB;Gebouwen;Verzamelproject gebouwen;{Source};project;\n"
                + $"GEB-A;Gebouwen - Dak stadskantoor;;{Source};project;GEB\n"
                + $"GEB-B;Gebouwen - Liften;;{Source};project;GEB\n"
                + $"ICT9;Werkplekken;;{Source};project;\n"),
            ("project_budgets.csv", "project_code;year;amount;funding;source_document;source_section;funding_kind\n"
                + $"GEB-A;2024;300000;Reserve Onderhoud Zeestad;{Source};\nGEB-A;2025;100000;Reserve Onderhoud Zeestad;{Source};\n"
                + $"GEB-B;2024;50000;Reserve Onderhoud Zeestad;{Source};\nGEB-B;2025;50000;Reserve Onderhoud Zeestad;{Source};\n"
                + $"ICT9;2024;25000;Reserve Onderhoud Zeestad;{Source};\nICT9;2025;0;Reserve Onderhoud Zeestad;{Source};\n"
                + $"HUIS;2024;-375000;Reserve Onderhoud Zeestad;{Source};reserve\nHUIS;2025;-150000;Reserve Onderhoud Zeestad;{Source};reserve\n"),
            ("reserve_movements.csv", "reserve;year;kind;amount;description;source_document;source_section;project_code;estimate\n"
                + $"Reserve Onderhoud Zeestad;2024;beginstand;1000000;Stand per 1 januari;{Source};;nee\n"
                + $"Reserve Onderhoud Zeestad;2024;storting;200000;Jaarlijkse dotatie;{Source};;nee\n"
                + $"Reserve Onderhoud Zeestad;2024;onttrekking;-375000;Voor het huisvestingsplan;{Source};HUIS;nee\n"
                + $"Reserve Onderhoud Zeestad;2024;eindstand;825000;Stand per 31 december;{Source};;nee\n"
                + $"Reserve Onderhoud Zeestad;2024;maximum;1500000;Plafond volgens de nota reserves;{Source};;nee\n"
                + $"Reserve Onderhoud Zeestad;2025;beginstand;825000;Stand per 1 januari;{Source};;ja\n"
                + $"Reserve Onderhoud Zeestad;2025;onttrekking;-150000;Voor het huisvestingsplan;{Source};HUIS;ja\n"
                + $"Reserve Onderhoud Zeestad;2025;eindstand;600000;Stand per 31 december, fout opgeteld;{Source};;ja\n"
                + $"Egalisatiereserve Zeestad;2024;beginstand;40000;Stand per 1 januari;{Source};;nee\n"
                + $"Egalisatiereserve Zeestad;2024;eindstand;40000;Stand per 31 december;{Source};;nee\n"),
        };
        var report = await new DatasetImporter(db).ImportAsync(files.Select(f => new ImportFile(f.Name, Encoding.UTF8.GetBytes(f.Text))).ToList());
        report.Problems.Should().BeEmpty();
    }

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(string url)
    {
        await using var factory = new DashboardFactory(Database.ConnectionString);
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, PageText.OfMain(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Projects_ListEveryProject_WithItsRoleParentAndYears_AndThePlanTableTakesItsHeadingFromTheData()
    {
        await ArrangeAsync();

        var (status, text) = await GetAsync("/projecten");

        status.Should().Be(HttpStatusCode.OK);
        text.Should().Contain("Investeringsplan Huisvestingsplan Zeestad: per project en jaar")
            .And.Contain("Gebouwen GEB verzamelproject – – €\u00A0350.000 €\u00A0150.000 €\u00A0500.000", "the collective project sums the parts that name it as parent")
            .And.Contain("Gebouwen - Liften GEB-B project Gebouwen – €\u00A050.000 €\u00A050.000 €\u00A0100.000")
            .And.Contain("Huisvestingsplan Zeestad HUIS investeringsplan (geheel)")
            .And.Contain("2024: ✔ klopt: vermeld 375.000, herberekend 375.000")
            .And.Contain("Gebouwen is een verzamelproject zonder eigen bedragen")
            .And.NotContain("WINST").And.NotContain("Sociaal Domein").And.NotContain("Hilversum");
    }

    [Fact]
    public async Task Project_ShowsItsPartsYearsAndSource_AndThePlanItsCoverageAndReserveWithdrawals_AndAnUnknownCodeIsNotFound()
    {
        await ArrangeAsync();

        var (status, collective) = await GetAsync("/projecten/GEB");
        status.Should().Be(HttpStatusCode.OK);
        collective.Should().Contain("Gebouwen").And.Contain("Rol verzamelproject")
            .And.Contain("Dit verzamelproject heeft geen eigen bedragen")
            .And.Contain("Onderdelen van Gebouwen per jaar")
            .And.Contain("Gebouwen - Dak stadskantoor €\u00A0300.000 €\u00A0100.000 €\u00A0400.000")
            .And.Contain("Som van de onderdelen €\u00A0350.000 €\u00A0150.000 €\u00A0500.000");

        var (_, part) = await GetAsync("/projecten/GEB-A");
        part.Should().Contain("Onderdeel van Gebouwen").And.Contain("2024 €\u00A0300.000 Reserve Onderhoud Zeestad B7, begroting 2024, regel 12");

        var (_, plan) = await GetAsync("/projecten/HUIS");
        plan.Should().Contain("Huisvestingsplan Zeestad").And.Contain("Dekking per jaar")
            .And.Contain("2025: totaal projecten €\u00A0150.000: ✔ klopt")
            .And.Contain("2025: €\u00A0\u2212150.000 uit de Reserve Onderhoud Zeestad (raming); Voor het huisvestingsplan")
            .And.Contain("onttrekking uit de reserve voor HUIS (€\u00A0\u2212375.000) tegen de dekking uit de reserve in het investeringsplan (€\u00A0\u2212375.000): ✔ klopt")
            .And.NotContain("Begrotingswijziging per programma", "there is no budget change in the data");

        (await GetAsync("/projecten/ONBEKEND")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reserves_ShowEachReserveByItsName_WithBalancesMaximumAndTheCheck()
    {
        await ArrangeAsync();

        var (status, text) = await GetAsync("/reserves");

        status.Should().Be(HttpStatusCode.OK);
        text.Should().Contain("Egalisatiereserve Zeestad: stand en mutaties per jaar")
            .And.Contain("Reserve Onderhoud Zeestad: stand en mutaties per jaar")
            .And.Contain("Maximum van de reserve volgens de bron: €\u00A01.500.000 (Plafond volgens de nota reserves)")
            .And.Contain("2024 realisatie €\u00A01.000.000 €\u00A0200.000 €\u00A0\u2212375.000 €\u00A0825.000 €\u00A01.500.000 ✔ klopt")
            .And.Contain("2025 raming €\u00A0825.000 €\u00A00 €\u00A0\u2212150.000 €\u00A0600.000 – ✖ wijkt af", "825.000 − 150.000 is 675.000, not 600.000")
            .And.NotContain("WINST").And.NotContain("Sociaal Domein").And.NotContain("Hilversum");
        text.IndexOf("Egalisatiereserve Zeestad", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("Reserve Onderhoud Zeestad: stand", StringComparison.Ordinal), "reserves in name order");
    }

    [Fact]
    public async Task ProjectsAndReserves_SaySo_WhenNothingIsLoaded()
    {
        (await GetAsync("/projecten")).Text.Should().Contain("Er zijn nog geen projecten geladen.");
        (await GetAsync("/reserves")).Text.Should().Contain("Er zijn nog geen reserves geladen.");
    }

    [Fact]
    public async Task DemoPlanPage_ShowsTheBudgetChangeItCaused_PerProgramme_WithTheCrossChecks()
    {
        await using (var db = Database.CreateContext())
        {
            (await SeedData.LoadAsync(db)).Succeeded.Should().BeTrue();
        }

        var (_, plan) = await GetAsync("/projecten/WINST");

        // 001 regel 886: programme 2 Zorg 2017 lasten 1.648.707, baten −2.730.000, saldo −1.081.293; regel 889 the total is 0.
        plan.Should().Contain("Programma 2 Zorg €\u00A01.648.707 €\u00A0\u22122.730.000 €\u00A0\u22121.081.293 €\u00A0\u2212576.293 €\u00A0\u2212413.668 €\u00A0\u2212218.518")
            .And.Contain("Voor 2018, 2019, 2020 geven de gegevens alleen het saldo per programma")
            .And.Contain("Over alle programma's samen is de wijziging in elk jaar budgetneutraal")
            .And.Contain("2017: lasten van de begrotingswijziging WINST (€\u00A02.730.000) tegen het investeringsplan 2017 (€\u00A02.730.000): ✔ klopt")
            .And.Contain("Programma's Programma 2 Zorg, Programma 3 Werken, Programma 4 Bestuur");
        var (_, part) = await GetAsync("/projecten/W7A_ICT_INVOEREN");
        part.Should().Contain("Onderdeel van ICT").And.NotContain("Begrotingswijziging per programma");
    }
}
