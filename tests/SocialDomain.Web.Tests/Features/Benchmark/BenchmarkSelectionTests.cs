using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.G40Benchmark;

namespace SocialDomain.Web.Tests.Features.Benchmark;

/// <summary>Query values of /benchmark and its exports into a selection, with Dutch messages; no database.</summary>
public class BenchmarkSelectionTests
{
    [Fact]
    public void Defaults_AreJeugdTotal_TheLatestAnnualAccounts_AndWeightOne()
    {
        var choice = G40Seed.Choose(G40Seed.Input());

        choice.Field.Should().Be(new FieldOption(SocialDomainArea.Jeugd, null, "jeugd", "Jeugd totaal"));
        choice.Column.Token.Should().Be("2019-jaarrekening");
        choice.Weights.Values.Should().AllBeEquivalentTo(1m);
        choice.WeightsAreDefault.Should().BeTrue();
        choice.Messages.Should().BeEmpty();
    }

    [Fact]
    public void Fields_AreJeugdWmoVoorveld_EachTotalFirst()
    {
        var fields = G40Seed.Choose(G40Seed.Input()).Fields;

        fields.Select(f => f.Domain).Distinct().Should().Equal(SocialDomainArea.Jeugd, SocialDomainArea.Wmo, SocialDomainArea.Voorveld);
        fields.GroupBy(f => f.Domain).Should().OnlyContain(g => g.First().TaskFieldCode == null);
        fields.Should().Contain(f => f.Token == "6.72" && f.Label.StartsWith("6.72 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2", 2.0)]
    [InlineData("2,5", 2.5)]
    [InlineData(" 0.5 ", 0.5)]
    [InlineData("0", 0.0)]
    [InlineData("10", 10.0)]
    public void Weight_IsANumberFromZeroUpToTheCap(string raw, double expected)
    {
        var choice = G40Seed.Choose(G40Seed.Input(weights: ("inwoners", raw)));

        choice.Weights["inwoners"].Should().Be((decimal)expected);
        choice.Messages.Should().BeEmpty();
        choice.WeightsAreDefault.Should().Be(expected == 1.0);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("veel")]
    public void Weight_OutsideZeroToTen_IsOne_WithADutchMessage(string raw)
    {
        var choice = G40Seed.Choose(G40Seed.Input(weights: ("inwoners", raw)));

        BenchmarkSelection.MaxWeight.Should().Be(10m);
        choice.Weights["inwoners"].Should().Be(1m);
        choice.Messages.Select(m => m.Text).Should().Equal(
            $"Het gewicht '{raw}' voor 'Aantal inwoners' is geen getal van 0 tot en met 10; gewicht 1 wordt gebruikt.");
    }

    [Fact]
    public void UnknownCharacteristic_IsIgnored_WithADutchMessage()
    {
        var choice = G40Seed.Choose(G40Seed.Input(weights: [("lengte", "2"), ("gewicht", "3")]));

        choice.Messages.Select(m => m.Text).Should().Equal("Onbekend kenmerk: 'lengte', 'gewicht'; dat gewicht wordt genegeerd.");
        BenchmarkSelection.ExportError(choice.Messages).Should().Be("Onbekend kenmerk: 'lengte', 'gewicht'.");
    }

    [Fact]
    public void UnknownColumn_FallsBackToTheLatestAnnualAccounts()
    {
        var choice = G40Seed.Choose(G40Seed.Input(column: "2016-jaarrekening"));

        choice.Column.Token.Should().Be("2019-jaarrekening");
        choice.Messages.Select(m => m.Text).Should().Equal(
            "'2016-jaarrekening' is geen jaar en fase in de benchmark (gebruik bijvoorbeeld 2018-jaarrekening); 2019 jaarrekening (de laatste jaarrekening) wordt getoond.");
    }

    [Fact]
    public void Tokens_AreMatchedIgnoringCaseAndSpaces()
    {
        var choice = G40Seed.Choose(G40Seed.Input(" WMO ", "2020-BEGROTING"));

        choice.Field.Token.Should().Be("wmo");
        choice.Column.Should().Be(new ColumnOption(2020, BenchmarkStage.Budget, "2020-begroting", "2020 begroting"));
        choice.Messages.Should().BeEmpty();
    }

    [Fact]
    public void EmptyCatalogue_HasNoChoice() =>
        BenchmarkSelection.Choose([], G40Seed.Input("jeugd")).Should().BeNull();

    [Fact]
    public void WeightsFromQuery_TakesTheGewichtParameters()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["veld"] = "jeugd",
            ["gewicht[inwoners]"] = "2",
            ["gewicht[75plus]"] = "0",
            ["gewicht"] = "5",
        });

        BenchmarkInput.WeightsFromQuery(query).Should().BeEquivalentTo(new Dictionary<string, string> { ["inwoners"] = "2", ["75plus"] = "0" });
    }
}
