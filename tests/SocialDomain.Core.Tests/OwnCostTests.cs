using SocialDomain.Core.Calculations;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "Own cost per inhabitant".</summary>
public class OwnCostTests
{
    // Hilversum's population (seed 003, Bijlage 1 regel 449): 90.612 "Stand december 2019", 90.831 "Stand september 2020".
    private static readonly PopulationSnapshot[] Hilversum =
    [
        new(new DateOnly(2019, 12, 1), 90612),
        new(new DateOnly(2020, 9, 1), 90831),
    ];

    [Theory]
    [InlineData(2019, 90612)]
    [InlineData(2020, 90831)]
    [InlineData(2018, null)]
    public void PopulationFor_IsTheLatestSnapshotOfThatYear_NeverAnotherYear(int year, int? population) =>
        OwnCost.PopulationFor(year, Hilversum)?.Population.Should().Be(population);

    [Theory]
    [InlineData(-20.0, 0, 0.5)]
    [InlineData(-134.7, 1, 0.05)]
    [InlineData(-234.48, 2, 0.005)]
    [InlineData(39.0, 0, 0.5)]
    public void RoundingMargin_IsHalfAUnitOfTheLastPrintedDecimal(double printed, int decimals, double margin)
    {
        OwnCost.PrintedDecimals((decimal)printed).Should().Be(decimals);
        OwnCost.RoundingMargin((decimal)printed).Should().Be((decimal)margin);
    }

    // Worked examples (docs/calculations.md): budget_lines.csv realisatie 2019 and the G40 figures of Hilversum 2019
    // jaarrekening (Bijlage 1 regel 363, Bijlage 3 regel 998); the last two rows are hypothetical amounts (labelled in the doc).
    [Theory]
    [InlineData("6.2", 1853000, -20.0, 20.45, 0.45, true)]
    [InlineData("6.82", 2929000, -32.0, 32.32, 0.32, true)]
    [InlineData("6.82", 3575000, -32.0, 39.45, 7.45, false)]
    [InlineData("6.72", 14085000, -168.0, 155.44, -12.56, false)]
    [InlineData("6.2", 1897000, -20.0, 20.94, 0.94, false)]
    public void PerInhabitant_AgainstTheG40Figure_AgreesOnlyWithinTheRounding(
        string taskField, int realisation, double saldo, double perInhabitant, double difference, bool agrees)
    {
        var result = OwnCost.PerInhabitant(taskField, 2019, realisation, Hilversum, (decimal)saldo);

        result.IsOk.Should().BeTrue();
        var own = result.Value;
        own.Population.Should().Be(90612);
        own.PopulationSnapshot.Should().Be(new DateOnly(2019, 12, 1));
        DutchFormat.Round(own.PerInhabitant, 2).Should().Be((decimal)perInhabitant);
        DutchFormat.Round(own.Difference!.Value, 2).Should().Be((decimal)difference);
        own.Agrees.Should().Be(agrees);
        own.BenchmarkNetCost.Should().Be(-(decimal)saldo);
        own.Explanation.Should().StartWith(agrees ? "komt overeen" : "wijkt af");
    }

    [Fact]
    public void PerInhabitant_Higher_ExplainsBrutoLastenAgainstTheNetIv3Saldo()
    {
        var own = OwnCost.PerInhabitant("6.82", 2019, 3575000m, Hilversum, -32m).Value;

        own.Explanation.Should().Be(
            "wijkt af: eigen realisatie €\u00A039,45 per inwoner, G40-cijfer €\u00A032 netto lasten per inwoner; de eigen realisatie is €\u00A07,45 per inwoner hoger, "
            + "meer dan de afronding toelaat (± €\u00A00,50). Mogelijke verklaring: de eigen realisatie is bruto lasten, het G40-cijfer een saldo van lasten en baten "
            + "uit de IV3-cijfers (baten zoals eigen bijdragen of een rijksvergoeding verlagen het saldo); of het eigen perceel omvat meer dan dit ene taakveld");
    }

    [Fact]
    public void PerInhabitant_Lower_ExplainsALotThatIsNotTheWholeTaskField() =>
        OwnCost.PerInhabitant("6.72", 2019, 14085000m, Hilversum, -168m).Value.Explanation
            .Should().Contain("€\u00A012,56 per inwoner lager").And.Contain("omvat niet het hele taakveld");

    [Fact]
    public void PerInhabitant_WithoutRealisation_IsNotEnoughData() =>
        OwnCost.PerInhabitant("6.72", 2019, null, Hilversum, -168m).Should().Be(
            Result<OwnCostPerInhabitant>.InsufficientData("niet te berekenen: geen realisatie (jaarrekening) van taakveld 6.72 in 2019"));

    [Fact]
    public void PerInhabitant_WithoutThePopulationOfThatYear_IsNotEnoughData() =>
        OwnCost.PerInhabitant("6.2", 2018, 1800000m, Hilversum, -19m).Reason
            .Should().Be("niet te berekenen: geen inwonertal van 2018 (inwonertal alleen van 12-2019, 09-2020)");

    [Fact]
    public void PerInhabitant_WithoutAnyCharacteristics_SaysSo() =>
        OwnCost.PerInhabitant("6.2", 2019, 1853000m, [], -20m).Reason
            .Should().Be("niet te berekenen: geen inwonertal van 2019 (geen kenmerken van de gemeente)");

    [Fact]
    public void PerInhabitant_WithoutABenchmarkFigure_GivesTheOwnFigure_AndNoComparison()
    {
        // The G40 appendices have no taakveld 6.81 (hypothetical realisatie 23.324.000, one of the unassigned amounts).
        var own = OwnCost.PerInhabitant("6.81", 2019, 23324000m, Hilversum, null).Value;

        DutchFormat.Round(own.PerInhabitant, 2).Should().Be(257.41m);
        own.Agrees.Should().BeNull();
        own.Difference.Should().BeNull();
        own.Explanation.Should().Be("niet te vergelijken: geen G40-cijfer van taakveld 6.81 in 2019 (jaarrekening)");
    }

    [Theory]
    [InlineData(13932000, 2304, 6046.875)]
    [InlineData(1853000, 1, 1853000)]
    public void PerClient_IsRealisationDividedByClients(int realisation, int clients, double perClient) =>
        OwnCost.PerClient("6.72", 2018, realisation, clients).Value.Should().Be((decimal)perClient);

    [Theory]
    [InlineData(null, 2304.0, "niet te berekenen: geen realisatie (jaarrekening) van taakveld 6.72 in 2018")]
    [InlineData(13932000.0, null, "niet te berekenen: geen aantal cliënten van taakveld 6.72 over 2018")]
    [InlineData(13932000.0, 0.0, "niet te berekenen: het aantal cliënten van taakveld 6.72 over 2018 is 0")]
    public void PerClient_WithoutBothFigures_SaysWhy(double? realisation, double? clients, string reason)
    {
        var result = OwnCost.PerClient("6.72", 2018, (decimal?)realisation, (decimal?)clients);

        result.IsOk.Should().BeFalse();
        result.Reason.Should().Be(reason);
    }
}
