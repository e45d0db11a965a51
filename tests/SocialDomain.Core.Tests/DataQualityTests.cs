using SocialDomain.Core.Calculations;
using SocialDomain.Core.Tests.SourceData;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, section "Data quality".</summary>
public class DataQualityTests
{
    private static readonly IReadOnlyList<SourceRow> Jeugd = SourceRow.ParseAll(Seed003.JeugdSaldo);
    private static readonly IReadOnlyList<SourceRow> Wmo = SourceRow.ParseAll(Seed003.WmoSaldo);
    private static readonly SourceRow JeugdAverage = SourceRow.Parse(Seed003.JeugdG40Average);
    private static readonly SourceRow WmoAverage = SourceRow.Parse(Seed003.WmoG40Average);

    [Fact]
    public void G40JeugdAverage2020_AsPrinted_DiffersFromTheRecomputedAverage_BecauseLelystadIsCountedAsZero()
    {
        // Bijlage 1 (line 380) prints −280,3 for Totaal Jeugd, 2020 begroting. Lelystad has no value ("- - -", line 367).
        var check = DataQuality.CompareStatedAverage(-280.3m, SourceRow.TotalColumn(Jeugd, SourceRow.Begroting2020));

        check.IsConsistent.Should().BeFalse();
        check.Recomputed!.Value.Should().BeApproximately(-287.5026m, 0.0001m);
        DutchFormat.Round(check.Difference!.Value, 1).Should().Be(7.2m);
        check.Message.Should().Be("wijkt af: vermeld \u2212280,3, herberekend \u2212287,5, verschil 7,2 (n = 39; ontbreekt: Lelystad)");

        // The printed figure is the sum of the 39 values divided by 40.
        var sumOf39 = SourceRow.TotalColumn(Jeugd, SourceRow.Begroting2020).Sum(v => v.Value ?? 0m);
        DutchFormat.Round(sumOf39 / 40m, 1).Should().Be(-280.3m);
    }

    // Every printed G40 average (15 columns × Jeugd and Wmo) against the recomputed one: only the three 2020 begroting
    // columns (12–14) of Bijlage 1 (Jeugd) are off; Bijlage 2 (Wmo) left Lelystad out correctly.
    public static TheoryData<string, int, bool> AllG40AverageColumns()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var table in new[] { "Jeugd", "Wmo" })
        {
            for (var column = 0; column < 15; column++)
            {
                data.Add(table, column, !(table == "Jeugd" && column >= 12));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllG40AverageColumns))]
    public void PrintedG40Average_IsConsistentWithTheRecomputedOne_ExceptJeugd2020(string table, int column, bool consistent)
    {
        var (rows, average) = table == "Jeugd" ? (Jeugd, JeugdAverage) : (Wmo, WmoAverage);
        DataQuality.CompareStatedAverage(average.Values[column]!.Value, SourceRow.Column(rows, column)).IsConsistent.Should().Be(consistent);
    }

    [Fact]
    public void PrintedCharacteristicsAverage_IsConsistentWithTheRecomputedOne()
    {
        // Bijlage 1 (line 466): "Gemiddelde van G40 gemeenten 126.507 23,9 21,6 11,2"; recomputed 126.506,975.
        var inhabitants = SourceRow.Column(SourceRow.ParseAll(Seed003.JeugdCharacteristics), 0);
        var check = DataQuality.CompareStatedAverage(126_507m, inhabitants, tolerance: 0.5m);

        check.IsConsistent.Should().BeTrue();
        check.Difference.Should().Be(0.025m);
    }

    [Fact]
    public void PrintedWmoGrowth2017To2018_IsWithinTolerance_ButNotReproduced()
    {
        // Bijlage 2 (line 724) prints 4,50%; recomputed from the members: 4,46% (4,5% at one decimal).
        var members2017 = Benchmark.Average(SourceRow.TotalColumn(Wmo, SourceRow.Jaarrekening2017)).Mean!.Value;
        var members2018 = Benchmark.Average(SourceRow.TotalColumn(Wmo, SourceRow.Jaarrekening2018)).Mean!.Value;
        var check = DataQuality.CompareStated(4.50m, Growth.NetCostPercent(members2017, members2018).Value);

        check.IsConsistent.Should().BeTrue();
        DutchFormat.Round(check.Difference!.Value, 2).Should().Be(0.04m);
    }

    // Hilversum, Jeugd 2018 jaarrekening (line 363): −148,1 + −43,3 = −191,4.
    [Theory]
    [InlineData(-191.4, true)]
    [InlineData(-191.5, true)] // 0,1 off: the tolerance is inclusive
    [InlineData(-191.3, true)]
    [InlineData(-191.6, false)]
    public void TotalEqualsSumOfParts_WithinPlusOrMinus0Point1(double total, bool consistent) =>
        DataQuality.TotalEqualsSumOfParts((decimal)total, [-148.1m, -43.3m]).IsConsistent.Should().Be(consistent);

    [Fact]
    public void TotalEqualsSumOfParts_HoldsForEveryRowOfBijlage1And2()
    {
        foreach (var row in Jeugd.Concat(Wmo))
        {
            for (var group = 0; group < 5; group++)
            {
                var check = DataQuality.TotalEqualsSumOfParts(row.Values[(3 * group) + 2] ?? 0m, [row.Values[3 * group], row.Values[(3 * group) + 1]]);
                check.IsConsistent.Should().NotBe(false, $"{row.Name}, column group {group}: {check.Message}");
            }
        }
    }

    [Fact]
    public void TotalEqualsSumOfParts_IsNotCheckable_WhenAPartIsMissing()
    {
        var check = DataQuality.TotalEqualsSumOfParts(-191.4m, [-148.1m, null]);

        check.IsConsistent.Should().BeNull();
        check.Recomputed.Should().BeNull();
        check.Message.Should().Be("niet te controleren: totaal \u2212191,4, 1 van de 2 delen ontbreekt");
    }

    [Fact]
    public void CompareStated_ReturnsTheDifference_StatedMinusRecomputed()
    {
        // Bijlage 1, "Gemiddelde G4", Totaal Jeugd 2020 begroting (line 575) prints −234,48; the four members
        // (Amsterdam −250,3, Den Haag −254,7, Rotterdam −258,5, Utrecht −174,4; lines 571–574) give −234,475.
        var check = DataQuality.CompareStated(-234.48m, -234.475m);

        check.Difference.Should().Be(-0.005m);
        check.IsConsistent.Should().BeTrue();
        check.Tolerance.Should().Be(0.1m);
        check.Message.Should().Be("klopt: vermeld \u2212234,48, herberekend \u2212234,48");
    }
}
