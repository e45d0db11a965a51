using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Worked example of docs/time-model.md, "Streefwaarden in de tijd": the Wmo lead-time KPI's target versions.</summary>
public class TargetInForceTests
{
    // Version 1: 95 % from 2019-K3 (000); version 2: 80 % from 2020-K2 (003).
    private static readonly TargetValidity[] Wmo = [new(1, Period.OfQuarter(2019, 3)), new(2, Period.OfQuarter(2020, 2))];

    [Theory]
    [InlineData("2019-K2", null)]
    [InlineData("2019-K3", 1)]
    [InlineData("2020-K1", 1)]
    [InlineData("2020-K2", 2)]
    [InlineData("2020", 2)] // a year is judged in its last quarter
    [InlineData("2021-K1", 2)]
    public void At_TheWorkedExample_GivesTheVersionInForcePerQuarter(string quarter, int? expected)
    {
        TargetInForce.At(Wmo, v => v, Period.Parse(quarter))?.Version.Should().Be(expected);
        if (expected is null)
        {
            TargetInForce.At(Wmo, v => v, Period.Parse(quarter)).Should().BeNull();
        }
    }

    [Theory]
    [InlineData("2021", "2020-K4", 2)]
    [InlineData("2021", "2021-K1", 3)]
    [InlineData("2019-K3", "2019-K3", 3)] // a retroactive version 3 replaces versions 1 and 2 from its start
    [InlineData("2019-K3", "2020-K4", 3)]
    public void At_ALaterVersion_TakesOverFromItsOwnStart(string validFrom, string quarter, int expected)
    {
        var versions = Wmo.Append(new TargetValidity(3, Period.Parse(validFrom))).ToArray();

        TargetInForce.At(versions, v => v, Period.Parse(quarter))!.Version.Should().Be(expected);
    }

    [Fact]
    public void Steps_TheWorkedExample_HasNoneThenOneStepPerVersion()
    {
        var steps = TargetInForce.Steps(Wmo, Period.OfQuarter(2019, 1), Period.OfQuarter(2020, 4));

        steps.Select(s => (s.From.ToString(), s.Version?.Version)).Should().Equal(("2019-K1", null), ("2019-K3", 1), ("2020-K2", 2));
    }
}

/// <summary>The rules of a version's start and decision (docs/time-model.md, "Streefwaarden in de tijd", validation table).</summary>
public class TargetDecisionTests
{
    private static readonly Period FirstMeasurement = Period.OfQuarter(2019, 3);
    private static readonly Period Deadline = Period.OfYear(2021);
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData("2019-K3", null)]
    [InlineData("2021", null)]
    [InlineData("2021-K4", null)]
    [InlineData("2019-K2", "Geldig vanaf (2019-K2) ligt vóór de eerste meting van deze KPI (2019-K3); kies 2019-K3 of later.")]
    [InlineData("2019", "Geldig vanaf (2019) ligt vóór de eerste meting van deze KPI (2019-K3); kies 2019-K3 of later.")]
    [InlineData("2022", "Geldig vanaf (2022) ligt na de deadline (2021); een versie moet gelden vóór of in het kwartaal van haar deadline.")]
    public void ValidFromProblem_FollowsTheWorkedExample(string validFrom, string? expected)
    {
        TargetDecision.ValidFromProblem(Period.Parse(validFrom), FirstMeasurement, Deadline).Should().Be(expected);
    }

    [Fact]
    public void ValidFromProblem_WithoutMeasurementsOrDeadline_AcceptsAnyStart()
    {
        TargetDecision.ValidFromProblem(Period.OfYear(1990), null, null).Should().BeNull();
    }

    [Theory]
    [InlineData("03-12-2026", null)]
    [InlineData("26-06-2019", null)]
    [InlineData("2019-06-26", null)]
    [InlineData("04-12-2026", "De besluitdatum (04-12-2026) ligt in de toekomst; vul de datum in waarop het besluit genomen is.")]
    public void DecisionDateProblem_RefusesADateAfterToday(string text, string? expected)
    {
        TargetDecision.TryParseDate(text, out var date).Should().BeTrue();

        TargetDecision.DecisionDateProblem(date, Today).Should().Be(expected);
    }

    [Theory]
    [InlineData("31-02-2020")]
    [InlineData("juni 2017")]
    [InlineData("2019/06/26")]
    public void TryParseDate_RefusesWhatIsNoDate(string text)
    {
        TargetDecision.TryParseDate(text, out _).Should().BeFalse();
        TargetDecision.UnreadableDate(text).Should().Be($"'{text}' is geen datum; gebruik bijvoorbeeld 2019-06-26 of 26-06-2019.");
    }

    [Theory]
    [InlineData("https://hilversum.raadsinformatie.nl/document/123", true)]
    [InlineData("http://hilversum.raadsinformatie.nl/document/123", true)]
    [InlineData("raad.hilversum.nl/besluit", false)]
    [InlineData("ftp://raad.hilversum.nl/b", false)]
    [InlineData("javascript:alert(1)", false)]
    public void DecisionUrlProblem_AcceptsOnlyAbsoluteHttpAddresses(string url, bool accepted)
    {
        (TargetDecision.DecisionUrlProblem(url) is null).Should().Be(accepted);
        if (!accepted)
        {
            TargetDecision.DecisionUrlProblem(url).Should().Be($"'{url}' is geen volledig webadres; begin met https:// (bijvoorbeeld https://hilversum.raadsinformatie.nl/...).");
        }
    }
}
