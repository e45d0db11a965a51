using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>The period as the source gives it. Worked examples: docs/time-model.md, "The period as the source gives it".</summary>
public class StatedPeriodTests
{
    [Theory]
    [InlineData(null, "2020", PeriodPrecision.Exact, null, "2020")]
    [InlineData("", "2019-K3", PeriodPrecision.Exact, null, "2019-K3")]
    [InlineData("2019-07", "2019-K3", PeriodPrecision.Month, 7, "juli 2019")] // 000 l.214–216: the Wmo 70 % of July 2019
    [InlineData("2017/2019", "2019", PeriodPrecision.Span, 2017, "2017–2019")] // 003 l.1171: 19 % growth over 2017–2019
    [InlineData("onbekend", "2020", PeriodPrecision.Undated, null, "peildatum onbekend (bron uit 2020)")] // 003 l.1950: € 344 per inwoner
    [InlineData("ONBEKEND", "2020", PeriodPrecision.Undated, null, "peildatum onbekend (bron uit 2020)")]
    public void TryParse_ReadsTheColumn_AndLabelsThePeriodAsTheSourceGivesIt(string? text, string stored, PeriodPrecision precision, int? detail, string label)
    {
        StatedPeriod.TryParse(text, Period.Parse(stored), out var stated).Should().BeNull();

        stated.Precision.Should().Be(precision);
        stated.Detail.Should().Be(detail);
        stated.Label(Period.Parse(stored)).Should().Be(label);
        StatedPeriod.TryParse(stated.Token(Period.Parse(stored)), Period.Parse(stored), out var again).Should().BeNull();
        again.Should().Be(stated, "the export's token reads back as the same stated period");
    }

    [Theory]
    [InlineData("2019-07", "2019-K2", "De maand 2019-07 valt in 2019-K3; sla de waarde op onder die periode (nu 2019-K2).")]
    [InlineData("2019-13", "2019", "'2019-13' is geen geldige vermelde periode (verwacht leeg, een maand als 2019-07, jaren als 2017/2019 of 'onbekend').")]
    [InlineData("2017/2019", "2018", "Een figuur over 2017–2019 wordt opgeslagen onder het laatste jaar (2019), niet onder 2018.")]
    [InlineData("2019/2017", "2017", "'2019/2017' is geen reeks jaren: het eerste jaar moet vóór het laatste liggen.")]
    [InlineData("onbekend", "2020-K2", "Een figuur zonder peildatum wordt onder een jaar opgeslagen (het jaar van de bron), niet onder een kwartaal.")]
    [InlineData("juli", "2019", "'juli' is geen geldige vermelde periode (verwacht leeg, een maand als 2019-07, jaren als 2017/2019 of 'onbekend').")]
    public void TryParse_RefusesWhatDoesNotFitTheStoredPeriod_WithADutchMessage(string text, string stored, string message) =>
        StatedPeriod.TryParse(text, Period.Parse(stored), out _).Should().Be(message);

    [Theory]
    [InlineData(PeriodPrecision.Exact, true)]
    [InlineData(PeriodPrecision.Month, true)]
    [InlineData(PeriodPrecision.Span, false)]
    [InlineData(PeriodPrecision.Undated, false)]
    public void IsComparable_OnlyForAYearQuarterOrMonth(PeriodPrecision precision, bool expected) =>
        new StatedPeriod(precision, precision == PeriodPrecision.Month ? 7 : precision == PeriodPrecision.Span ? 2017 : null).IsComparable.Should().Be(expected);

    [Fact]
    public void Evaluate_ShowsAnUndatedValue_ButComputesNoChangeAgainstADatedOne()
    {
        var rule = new KpiRule(KpiUnit.Per10000, KpiDirection.Informative, null, null, null);
        MeasurementPoint[] series =
        [
            new(Period.OfYear(2018), 290m, MeasurementStatus.Final, false),
            new(Period.OfYear(2020), 690m, MeasurementStatus.Provisional, false, StatedPeriod.Undated),
        ];

        var result = KpiEvaluation.Evaluate(rule, null, series, Period.OfQuarter(2020, 4));

        result.Current!.Value.Should().Be(690m);
        result.Current.PeriodLabel.Should().Be("peildatum onbekend (bron uit 2020)");
        result.Previous.Should().BeNull("a change between an undated figure and a dated one would misplace it in time");
        result.ChangeAbsolute.Should().BeNull();
    }

    [Fact]
    public void Evaluate_SkipsAnUndatedValue_WhenComputingTheChangeBetweenDatedOnes()
    {
        var rule = new KpiRule(KpiUnit.Percent, KpiDirection.HigherIsBetter, null, null, null);
        MeasurementPoint[] series =
        [
            new(Period.OfYear(2018), 60m, MeasurementStatus.Final, false),
            new(Period.OfYear(2019), 99m, MeasurementStatus.Provisional, false, StatedPeriod.Undated),
            new(Period.OfYear(2020), 66m, MeasurementStatus.Final, false),
        ];

        var result = KpiEvaluation.Evaluate(rule, null, series, Period.OfQuarter(2020, 4));

        result.Previous!.Value.Should().Be(60m);
        result.ChangeAbsolute.Should().Be(6m);
    }

    [Theory]
    [InlineData(ValueBound.AtLeast, KpiDirection.HigherIsBetter, 267, 267, KpiStatus.OnTrack)] // 004 l.371–384: ambition 267 reached
    [InlineData(ValueBound.AtLeast, KpiDirection.HigherIsBetter, 200, 267, null)] // at least 200 says nothing about reaching 267
    [InlineData(ValueBound.AtLeast, KpiDirection.LowerIsBetter, 5, 6, null)] // at least 5 weeks can be any number of weeks above 6
    [InlineData(ValueBound.AtMost, KpiDirection.LowerIsBetter, 6, 6, KpiStatus.OnTrack)]
    [InlineData(ValueBound.Exact, KpiDirection.HigherIsBetter, 200, 267, KpiStatus.OffTrack)]
    public void Evaluate_JudgesABound_OnlyWhenTheTrueValueCanOnlyBeBetter(ValueBound bound, KpiDirection direction, int value, int target, KpiStatus? expected)
    {
        var rule = new KpiRule(KpiUnit.Count, direction, null, null, null);
        MeasurementPoint[] series = [new(Period.OfYear(2019), value, MeasurementStatus.Final, false, default, bound)];

        var result = KpiEvaluation.Evaluate(rule, new TargetTerms(target, Period.OfYear(2019), null, null), series, Period.OfQuarter(2019, 4));

        result.Status.Should().Be(expected);
        if (expected is null)
        {
            result.StatusReason.Should().Be(KpiEvaluation.BoundOnly);
        }

        result.Current!.BoundPrefix.Should().Be(BoundText.Prefix(bound));
    }
}
