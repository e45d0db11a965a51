using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Expected values: docs/calculations.md, sections "Growth" and "Net cost and change against the previous annual accounts".</summary>
public class NetCostTests
{
    // Saldo as printed → net cost: Hilversum Jeugd 2018 −191,4 (Bijlage 1, line 363), the G40 average −281,1 (line 380),
    // 's-Hertogenbosch 6.72 in 2019 begroting +39 (net income, a negative net cost), and 0.
    [Theory]
    [InlineData(-191.4, 191.4)]
    [InlineData(-281.1, 281.1)]
    [InlineData(39.0, -39.0)]
    [InlineData(0.0, 0.0)]
    public void FromSaldo_FlipsTheSign(double saldo, double netCost)
    {
        NetCost.FromSaldo((decimal)saldo).Should().Be((decimal)netCost);
        NetCost.FromSaldo((decimal?)saldo).Should().Be((decimal)netCost);
    }

    [Fact]
    public void FromSaldo_OfAMissingValue_IsMissing_NeverZero() =>
        NetCost.FromSaldo((decimal?)null).Should().BeNull();

    // The G40 Jeugd averages (Bijlage 1, line 380): 2017 jaarrekening −263,4, 2018 jaarrekening −281,1, 2019 begroting −247,6,
    // 2019 jaarrekening −301,6, 2020 begroting −280,3; printed summary (lines 381–382): 6,7% 7,3% and −11,9% −7,1%.
    [Theory]
    [InlineData(-263.4, -281.1, 6.72)]
    [InlineData(-281.1, -301.6, 7.29)]
    [InlineData(-281.1, -247.6, -11.92)]
    [InlineData(-301.6, -280.3, -7.06)]
    public void ChangePercent_IsTheGrowthOfNetCost(double fromSaldo, double toSaldo, double percent) =>
        DutchFormat.Round(NetCost.ChangePercent((decimal)fromSaldo, (decimal)toSaldo)!.Value, 2).Should().Be((decimal)percent);

    [Theory]
    [InlineData(null, -281.1)]
    [InlineData(-263.4, null)]
    [InlineData(0.0, -281.1)]
    public void ChangePercent_IsMissing_WithoutBothValuesOrFromZero(double? fromSaldo, double? toSaldo) =>
        NetCost.ChangePercent((decimal?)fromSaldo, (decimal?)toSaldo).Should().BeNull();

    // The five columns of the source: 2017 jaarrekening, 2018 jaarrekening, 2019 begroting, 2019 jaarrekening, 2020 begroting.
    private static readonly (int Year, BenchmarkStage Stage)[] SourceColumns =
    [
        (2017, BenchmarkStage.AnnualAccounts),
        (2018, BenchmarkStage.AnnualAccounts),
        (2019, BenchmarkStage.Budget),
        (2019, BenchmarkStage.AnnualAccounts),
        (2020, BenchmarkStage.Budget),
    ];

    [Theory]
    [InlineData(2017, null)]
    [InlineData(2018, 2017)]
    [InlineData(2019, 2018)]
    [InlineData(2020, 2019)]
    [InlineData(2021, 2019)]
    public void PreviousAnnualAccounts_IsTheLatestJaarrekeningOfAnEarlierYear(int year, int? previous) =>
        NetCost.PreviousAnnualAccounts(SourceColumns, year).Should().Be(previous);

    [Fact]
    public void PreviousAnnualAccounts_IgnoresAnEarlierBudget() =>
        NetCost.PreviousAnnualAccounts([(2018, BenchmarkStage.Budget), (2019, BenchmarkStage.AnnualAccounts)], 2019).Should().BeNull();
}
