using SocialDomain.Core.Calculations;
using SocialDomain.Core.Tests.SourceData;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "Benchmark".</summary>
public class BenchmarkTests
{
    // Totaal Jeugd, 2018 jaarrekening (2e plaatsing), saldo in euro per inhabitant: the 6th number of each G40 row
    // in seed 003, Bijlage 1 "Gemiddelde bedragen per inwoner, Jeugd", lines 339–378.
    private static readonly MunicipalityValue[] JeugdTotal2018 =
    [
        new("Alkmaar", -215.3m), // line 339
        new("Almelo", -406.6m), // line 340
        new("Almere", -275.8m), // line 341
        new("Alphen aan den Rijn", -269.5m), // line 342
        new("Amersfoort", -288.4m), // line 343
        new("Apeldoorn", -323.4m), // line 344
        new("Arnhem", -289.0m), // line 345
        new("Assen", -407.3m), // line 346
        new("Breda", -230.7m), // line 347
        new("Delft", -200.0m), // line 348
        new("Deventer", -229.1m), // line 349
        new("Dordrecht", -246.5m), // line 350
        new("Ede", -292.4m), // line 351
        new("Eindhoven", -257.8m), // line 352
        new("Emmen", -303.2m), // line 353
        new("Enschede", -301.8m), // line 354
        new("Gouda", -264.5m), // line 355
        new("Groningen", -274.1m), // line 356
        new("Haarlem", -202.3m), // line 357
        new("Haarlemmermeer", -225.1m), // line 358
        new("Heerlen", -460.1m), // line 359
        new("Helmond", -306.3m), // line 360
        new("Hengelo", -316.9m), // line 361
        new("'s-Hertogenbosch", -225.7m), // line 362
        new("Hilversum", -191.4m), // line 363
        new("Hoorn", -247.7m), // line 364
        new("Leeuwarden", -334.7m), // line 365
        new("Leiden", -228.5m), // line 366
        new("Lelystad", -398.9m), // line 367
        new("Maastricht", -250.1m), // line 368
        new("Nijmegen", -251.8m), // line 369
        new("Oss", -255.6m), // line 370
        new("Roosendaal", -198.2m), // line 371
        new("Schiedam", -218.8m), // line 372
        new("Sittard-Geleen", -274.5m), // line 373
        new("Tilburg", -286.9m), // line 374
        new("Venlo", -287.7m), // line 375
        new("Zaanstad", -338.6m), // line 376
        new("Zoetermeer", -338.3m), // line 377
        new("Zwolle", -329.6m), // line 378
    ];

    private static readonly IReadOnlyList<SourceRow> Jeugd = SourceRow.ParseAll(Seed003.JeugdSaldo);

    [Fact]
    public void JeugdTable2018_MatchesTheSourceRows() =>
        JeugdTotal2018.Should().Equal(SourceRow.TotalColumn(Jeugd, SourceRow.Jaarrekening2018));

    [Fact]
    public void Hilversum_IsTheCheapestG40MunicipalityForJeugd_In2018()
    {
        // Seed 003, letter (lines 128–131): "Op de onderdelen Jeugd en voorveld horen we in de periode 2017 tot en met
        // 2019 (op basis van de jaarrekeningen) tot de goedkoopste van de G40-gemeenten".
        var ranking = Benchmark.Rank(JeugdTotal2018);
        var hilversum = ranking.Find("Hilversum")!;

        ranking.N.Should().Be(40);
        ranking.Missing.Should().BeEmpty();
        hilversum.Rank.Should().Be(1);
        hilversum.Percentile.Should().Be(100m);
        ranking.Ranked.Take(4).Select(r => r.Municipality).Should().Equal("Hilversum", "Roosendaal", "Delft", "Haarlem");
        ranking.Ranked[^1].Should().Be(new RankedMunicipality("Heerlen", -460.1m, 40, 40, 0m));
    }

    [Theory]
    [InlineData(SourceRow.Jaarrekening2017, 3)]
    [InlineData(SourceRow.Jaarrekening2018, 1)]
    [InlineData(SourceRow.Jaarrekening2019, 1)]
    public void Hilversum_IsAmongTheCheapestG40MunicipalitiesForJeugd_2017To2019(int group, int expectedRank)
    {
        var hilversum = Benchmark.Rank(SourceRow.TotalColumn(Jeugd, group)).Find("Hilversum")!;
        hilversum.Rank.Should().Be(expectedRank);
    }

    [Fact]
    public void Rank_HighestNetCostFirst_PutsTheMostNegativeSaldoFirst()
    {
        var ranking = Benchmark.Rank(JeugdTotal2018, RankOrder.HighestNetCostFirst);

        ranking.Ranked[0].Municipality.Should().Be("Heerlen");
        ranking.Find("Hilversum")!.Rank.Should().Be(40);
        ranking.Find("Hilversum")!.Percentile.Should().Be(0m);
    }

    [Fact]
    public void Rank_PutsANetIncomeBeforeAnyNetCost()
    {
        // 's-Hertogenbosch, 6.72 Maatwerkdienstverlening 18-, 2019 begroting: +39 (a positive saldo), line 362.
        MunicipalityValue[] values = [new("A", -10m), new("'s-Hertogenbosch", 39m), new("B", -0.5m)];

        Benchmark.Rank(values).Ranked.Select(r => r.Municipality).Should().Equal("'s-Hertogenbosch", "B", "A");
    }

    [Fact]
    public void Rank_GivesTiesTheSameRank_AndUniquePositions()
    {
        MunicipalityValue[] values = [new("D", -30m), new("C", -20m), new("B", -20m), new("A", -10m)];
        var ranked = Benchmark.Rank(values).Ranked;

        ranked.Select(r => (r.Municipality, r.Position, r.Rank)).Should().Equal(("A", 1, 1), ("B", 2, 2), ("C", 3, 2), ("D", 4, 4));
        ranked.Select(r => DutchFormat.Round(r.Percentile!.Value, 4)).Should().Equal(100m, 33.3333m, 33.3333m, 0m);
    }

    [Fact]
    public void Rank_LeavesOutMissingValues_AndListsThem()
    {
        var ranking = Benchmark.Rank(SourceRow.TotalColumn(Jeugd, SourceRow.Begroting2020));

        ranking.N.Should().Be(39);
        ranking.Missing.Should().Equal("Lelystad");
    }

    [Fact]
    public void Rank_OfASingleMunicipality_HasNoPercentile() =>
        Benchmark.Rank([new MunicipalityValue("Hilversum", -191.4m)]).Ranked[0].Percentile.Should().BeNull();

    [Fact]
    public void Average_OfG40Jeugd2018_IsRecomputedFromTheFortyMembers()
    {
        var average = Benchmark.Average(JeugdTotal2018);

        average.Mean.Should().Be(-281.0775m); // printed: −281,1 (line 380)
        average.N.Should().Be(40);
        average.Members.Should().Be(40);
        average.Missing.Should().BeEmpty();
        average.Min.Should().Be(-460.1m);
        average.Max.Should().Be(-191.4m);
    }

    [Fact]
    public void Column_OfG40Jeugd2018_RanksHilversumFirstOfForty_AndGivesItsDeviationFromTheRecomputedAverage()
    {
        var column = Benchmark.Column(JeugdTotal2018);

        column.Average.Should().BeEquivalentTo(Benchmark.Average(JeugdTotal2018));
        column.Ranking.Should().BeEquivalentTo(Benchmark.Rank(JeugdTotal2018));
        column.Ranking.Find("Hilversum")!.Rank.Should().Be(1);
        column.Ranking.N.Should().Be(40);

        // −281,0775 − (−191,4) = −89,6775: € 89,68 cheaper than the recomputed average (€ 89,70 against the printed −281,1).
        var deviation = column.DeviationOf(-191.4m)!;
        deviation.NetCostDifference.Should().Be(-89.6775m);
        DutchFormat.Round(deviation.NetCostPercent!.Value, 1).Should().Be(-31.9m);
        column.DeviationOf(null).Should().BeNull();
    }

    [Fact]
    public void Column_LeavesOutAMissingMemberOfBothAverageAndRanking()
    {
        var column = Benchmark.Column(SourceRow.TotalColumn(Jeugd, SourceRow.Begroting2020));

        column.Average.N.Should().Be(39);
        column.Ranking.N.Should().Be(39);
        column.Ranking.Missing.Should().Equal("Lelystad");
        column.Average.Missing.Should().Equal("Lelystad");
    }

    [Fact]
    public void Column_WithoutAnyValue_HasNoDeviation() =>
        Benchmark.Column([new MunicipalityValue("Lelystad", null)]).DeviationOf(-191.4m).Should().BeNull();

    [Fact]
    public void Average_LeavesOutMissingMembers_InsteadOfCountingThemAsZero()
    {
        var average = Benchmark.Average(SourceRow.TotalColumn(Jeugd, SourceRow.Begroting2020));

        average.N.Should().Be(39);
        average.Missing.Should().Equal("Lelystad");
        average.Mean!.Value.Should().BeApproximately(-287.5026m, 0.0001m);
    }

    [Fact]
    public void Average_WithoutAnyValue_HasNoMeanAndSaysWhy()
    {
        var average = Benchmark.Average([new MunicipalityValue("Lelystad", null)]);

        average.Mean.Should().BeNull();
        average.N.Should().Be(0);
        average.Reason.Should().NotBeNull();
    }

    [Fact]
    public void PerInhabitant_DividesByTheNumberOfInhabitants()
    {
        // Seed 003, KPMG report (line ~2191): Kosten Wmo (2018) € 14.100.000; inhabitants CBS aug 2019: 90.612 (line 449).
        DutchFormat.Round(Benchmark.PerInhabitant(14_100_000m, 90_612).Value, 2).Should().Be(155.61m);
    }

    [Fact]
    public void PerInhabitant_IsNotApplicable_WithoutInhabitants() =>
        Benchmark.PerInhabitant(14_100_000m, 0).Outcome.Should().Be(Outcome.NotApplicable);

    // Hilversum, Totaal Jeugd 2018 jaarrekening −191,4 (line 363) against the G40 average −281,1 (line 380),
    // size class 50 000–100 000 inhabitants −262,4 (line 519) and Nederland −247,8 (line 524).
    [Theory]
    [InlineData(-281.1, -89.7, -31.91)]
    [InlineData(-262.4, -71.0, -27.06)]
    [InlineData(-247.8, -56.4, -22.76)]
    public void Deviation_OfHilversumJeugd2018_IsExpressedInNetCost(double reference, double difference, double percent)
    {
        var deviation = Benchmark.DeviationFrom(-191.4m, (decimal)reference);

        deviation.NetCostDifference.Should().Be((decimal)difference);
        DutchFormat.Round(deviation.NetCostPercent!.Value, 2).Should().Be((decimal)percent);
    }

    [Fact]
    public void Compare_GivesAllThreeReferences_AndDescribesThemInDutch()
    {
        var comparison = Benchmark.Compare(-191.4m, -281.1m, -262.4m, null);

        comparison.G40Average!.Describe("het G40-gemiddelde")
            .Should().Be("€\u00A089,70 per inwoner (31,9%) minder netto lasten dan het G40-gemiddelde");
        comparison.SizeClass!.NetCostDifference.Should().Be(-71.0m);
        comparison.Netherlands.Should().BeNull();
    }

    [Fact]
    public void Deviation_HasNoPercent_WhenTheReferenceIsZero()
    {
        var deviation = Benchmark.DeviationFrom(-10m, 0m);
        deviation.NetCostPercent.Should().BeNull();
        deviation.Reason.Should().NotBeNull();
    }

    [Fact]
    public void Peers_OfHilversum_AreTheClosestOnStandardisedCharacteristics()
    {
        var selection = Benchmark.Peers("Hilversum", JeugdProfiles(), EqualWeights, 5);

        selection.Reason.Should().BeNull();
        selection.Peers.Select(p => p.Municipality).Should().Equal("Deventer", "Hengelo", "Alkmaar", "Helmond", "Hoorn");
        selection.Peers.Select(p => DutchFormat.Round(p.Distance, 3)).Should().Equal(0.891m, 0.948m, 0.956m, 1.129m, 1.173m);
        selection.Characteristics.Select(c => (c.Characteristic, c.Weight)).Should().Equal(EqualWeights.Select(w => (w.Characteristic, w.Weight)));
        DutchFormat.Round(selection.Characteristics[0].Mean, 3).Should().Be(126_506.975m); // printed G40 average: 126.507 (line 466)
        DutchFormat.Round(selection.ZScores[Inhabitants], 3).Should().Be(-0.796m);
        selection.Excluded.Should().BeEmpty();
    }

    [Fact]
    public void Peers_DependOnTheWeights()
    {
        CharacteristicWeight[] withoutSize = [new(Inhabitants, 0m), .. EqualWeights.Skip(1)];
        var selection = Benchmark.Peers("Hilversum", JeugdProfiles(), withoutSize, 3);

        selection.Peers.Select(p => p.Municipality).Should().Equal("Haarlem", "Breda", "Alkmaar");
        selection.Characteristics[0].Weight.Should().Be(0m);
    }

    [Fact]
    public void Peers_ExcludeMunicipalitiesMissingACharacteristic()
    {
        var profiles = JeugdProfiles().ToList();
        var deventer = profiles.Single(p => p.Municipality == "Deventer");
        profiles[profiles.IndexOf(deventer)] = deventer with
        {
            Characteristics = deventer.Characteristics.Where(kv => kv.Key != YouthCare).ToDictionary(),
        };

        var selection = Benchmark.Peers("Hilversum", profiles, EqualWeights, 1);

        selection.Excluded.Should().Equal("Deventer");
        selection.Peers.Should().NotContain(p => p.Municipality == "Deventer");
    }

    [Fact]
    public void Peers_SayWhy_WhenTheMunicipalityIsUnknown()
    {
        var selection = Benchmark.Peers("Bussum", JeugdProfiles(), EqualWeights, 5);

        selection.Peers.Should().BeEmpty();
        selection.Reason.Should().Be("Bussum ontbreekt of mist een van de kenmerken");
    }

    private const string Inhabitants = "Aantal inwoners";
    private const string LowIncome = "% inwoners <=150% minimum inkomen";
    private const string Youth = "% jeugd 0-19 jaar";
    private const string YouthCare = "% jongeren met jeugdhulp";

    private static readonly CharacteristicWeight[] EqualWeights =
        [new(Inhabitants, 1m), new(LowIncome, 1m), new(Youth, 1m), new(YouthCare, 1m)];

    // Bijlage 1 "Kenmerken per gemeente" (seed 003 lines 415–464), the 2019 columns.
    private static IReadOnlyList<MunicipalityProfile> JeugdProfiles() =>
        SourceRow.ParseAll(Seed003.JeugdCharacteristics)
            .Select(r => new MunicipalityProfile(r.Name, new Dictionary<string, decimal>
            {
                [Inhabitants] = r.Values[0]!.Value,
                [LowIncome] = r.Values[1]!.Value,
                [Youth] = r.Values[2]!.Value,
                [YouthCare] = r.Values[3]!.Value,
            }))
            .ToArray();
}
