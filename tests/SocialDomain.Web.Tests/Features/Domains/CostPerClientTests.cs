using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.Domains;
using SocialDomain.Web.Features.Kpis;

namespace SocialDomain.Web.Tests.Features.Domains;

/// <summary>Cost per client computed from the taakveld's realisatie; figures: docs/calculations.md, "Own cost per inhabitant".</summary>
public class CostPerClientTests
{
    private static readonly ClientCount Clients = new("JEUGD_CLIENTS", "Aantal jeugdhulpcliënten", new Dictionary<int, decimal> { [2018] = 2304m });

    private static BudgetLineData Realisation(string lot, string? taskField, int year, decimal amount, DateOnly? periodEnd = null) => new()
    {
        Scope = BudgetScope.Lot, ScopeCode = lot, Name = lot, TaskFieldCode = taskField, Year = year, Stage = BudgetStage.Actuals,
        Measure = BudgetMeasure.Expenses, Amount = amount, PeriodEnd = periodEnd,
    };

    [Theory]
    [InlineData(KpiUnit.Euro, "6.72", "Gemiddelde kosten per jeugdhulpcliënt", true)]
    [InlineData(KpiUnit.Euro, null, "Gemiddelde kosten per jeugdhulpcliënt", false)]
    [InlineData(KpiUnit.Euro, "6.72", "Kosten jeugdhulp", false)]
    [InlineData(KpiUnit.Count, "6.72", "Aantal jeugdhulpcliënten", false)]
    public void AppliesTo_AEuroKpiAboutClients_WithATaskField(KpiUnit unit, string? taskField, string name, bool applies) =>
        CostPerClient.AppliesTo(new KpiDefinition { Code = "K", Name = name, Definition = "…", Unit = unit, TaskFieldCode = taskField }).Should().Be(applies);

    [Fact]
    public void Build_DividesTheRealisationOfTheYearByTheClientsOfThatYear()
    {
        // Hypothetical: the DLP costs of jeugdhulp 2018 (€ 13.932.000) as the realisatie of 6.72, in two lots; a realisatie to date is left out.
        var view = CostPerClient.Build("6.72", new Dictionary<int, decimal> { [2018] = 7200m }, [Clients],
            [Realisation("A", "6.72", 2018, 9000000m), Realisation("B", "6.72", 2018, 4932000m), Realisation("A", "6.72", 2019, 1000000m, new DateOnly(2019, 4, 30))]);

        view.Clients!.Code.Should().Be("JEUGD_CLIENTS");
        var row = view.Rows.Single();
        (row.Year, row.Typed, row.Computed.Value).Should().Be((2018, 7200m, 6046.875m));
    }

    [Fact]
    public void Build_WithoutARealisationOfTheTaskField_SaysItCannotBeComputed()
    {
        // The demo data: JEUGD_COST_PER_CLIENT 2018 € 7.200, JEUGD_CLIENTS 2018 2.304, no realisatie of 6.72 (the 2019 lot is 6.82).
        var view = CostPerClient.Build("6.72", new Dictionary<int, decimal> { [2018] = 7200m }, [Clients], [Realisation("GZ_18MIN", null, 2019, 2929000m)]);

        view.Rows.Single().Computed.Reason.Should().Be("niet te berekenen: geen realisatie (jaarrekening) van taakveld 6.72 in 2018");
    }

    [Fact]
    public void Build_WithTheRealisationOfAYearWithoutClients_SaysSo()
    {
        var view = CostPerClient.Build("6.72", new Dictionary<int, decimal>(), [Clients], [Realisation("MDV_18MIN", "6.72", 2019, 12000000m)]);

        var row = view.Rows.Single();
        (row.Year, row.Typed).Should().Be((2019, (decimal?)null));
        row.Computed.Reason.Should().Be("niet te berekenen: geen aantal cliënten van taakveld 6.72 over 2019");
    }

    [Fact]
    public void Build_WithoutOneClientsKpi_SaysWhichAreMissingOrAmbiguous()
    {
        var typed = new Dictionary<int, decimal> { [2018] = 7200m };

        CostPerClient.Build("6.72", typed, [], []).Rows.Single().Computed.Reason
            .Should().Be("niet te berekenen: er is geen KPI met het aantal cliënten van taakveld 6.72");
        CostPerClient.Build("6.72", typed, [Clients, Clients with { Code = "JEUGD_CLIENTS_2" }], []).Rows.Single().Computed.Reason
            .Should().Be("niet te berekenen: meer dan één KPI met het aantal cliënten van taakveld 6.72 (JEUGD_CLIENTS, JEUGD_CLIENTS_2)");
    }
}
