using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>Worked examples of docs/calculations.md, "SMART-streefwaarde".</summary>
public class SmartTargetTests
{
    // Seed 000: rapportcijfer Sociaal Plein 6,4 in 2016; the editor's example target 7,0 by 2030 (Raadsbesluit 26 juni 2019).
    private static readonly SmartTargetInput Example = new(
        BaselineValue: "6,4", BaselinePeriod: "2016", TargetValue: "7,0", Deadline: "2030", ToleranceOnTrack: "5",
        ToleranceAttention: "15", Rationale: " Investeringsvoorstel WINST ", CouncilDecision: "Raadsbesluit 26 juni 2019 ", ValidFrom: "2019-K3");

    // docs/time-model.md, "Streefwaarden in de tijd": today 3 December 2026, the KPI's first measurement 2016.
    private static readonly SmartTargetTime Time = new(new DateOnly(2026, 12, 3), Period.OfYear(2016));

    private static readonly SmartTargetKpi Score = new(KpiUnit.Score, KpiDirection.HigherIsBetter, "Gemiddeld rapportcijfer van klanten.");

    [Fact]
    public void Validate_AcceptsTheWorkedExample_AndParsesDecimalCommaAndTrimsText()
    {
        var result = SmartTarget.Validate(Example, KpiUnit.Score, isChange: false, Time);

        result.Problems.Should().BeEmpty();
        result.IsValid.Should().BeTrue();
        result.Target.Should().Be(new ValidSmartTarget(
            7.0m, 6.4m, Period.OfYear(2016), Period.OfYear(2030), 5m, 15m, "Investeringsvoorstel WINST", "Raadsbesluit 26 juni 2019", null, Period.OfQuarter(2019, 3)));
    }

    [Fact]
    public void Validate_KeepsTheDecision_ParsedAndTrimmed()
    {
        var input = Example with
        {
            ValidFrom = " 2019-K3 ", DecisionDate = "26-06-2019", DecidedBy = "council", DecisionDocument = " Raadsvoorstel 2019-123 ",
            DecisionUrl = " https://hilversum.raadsinformatie.nl/document/123 ",
        };

        var target = SmartTarget.Validate(input, KpiUnit.Score, isChange: false, Time).Target!;

        (target.ValidFrom, target.DecisionDate, target.DecidedBy, target.DecisionDocument, target.DecisionUrl).Should().Be(
            (Period.OfQuarter(2019, 3), new DateOnly(2019, 6, 26), DecisionBody.Council, "Raadsvoorstel 2019-123", "https://hilversum.raadsinformatie.nl/document/123"));
    }

    [Fact]
    public void Validate_KeepsTheChangeReason_OnlyForAChange()
    {
        var input = Example with { TargetValue = "6.8", ChangeReason = " Nieuwe nulmeting " };

        SmartTarget.Validate(input, KpiUnit.Score, isChange: true, Time).Target!.ChangeReason.Should().Be("Nieuwe nulmeting");
        SmartTarget.Validate(input, KpiUnit.Score, isChange: false, Time).Target!.ChangeReason.Should().BeNull();
        SmartTarget.Validate(input, KpiUnit.Score, isChange: true, Time).Target!.TargetValue.Should().Be(6.8m, "a decimal point means the same as a comma");
    }

    public static TheoryData<string, SmartTargetInput, KpiUnit, bool, (SmartTargetField, string)[]> Refusals => new()
    {
        {
            "change without reason, no deadline, score above 10", Example with { TargetValue = "11", Deadline = "" }, KpiUnit.Score, true,
            [
                (SmartTargetField.TargetValue, "Streefwaarde: een rapportcijfer ligt tussen 1 en 10."),
                (SmartTargetField.Deadline, "Vul de deadline in (bijvoorbeeld 2021 of 2021-K2): zonder deadline is een streefwaarde niet tijdgebonden."),
                (SmartTargetField.ChangeReason, "Geef de reden van de wijziging: de raad moet kunnen zien waarom de streefwaarde is bijgesteld."),
            ]
        },
        {
            "no number, English notation", Example with { TargetValue = "zeven", BaselineValue = "1,234.5" }, KpiUnit.Score, false,
            [
                (SmartTargetField.TargetValue, "Streefwaarde: 'zeven' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000)."),
                (SmartTargetField.BaselineValue, "Nulmeting: '1,234.5' is geen getal in Nederlandse notatie: punten voor duizendtallen, een komma voor decimalen (bijvoorbeeld 1.234,5)."),
            ]
        },
        {
            "empty target", Example with { TargetValue = " " }, KpiUnit.Score, false,
            [(SmartTargetField.TargetValue, "Vul de streefwaarde in.")]
        },
        {
            "percent target above 100 and negative baseline", Example with { TargetValue = "101", BaselineValue = "-1" }, KpiUnit.Percent, false,
            [
                (SmartTargetField.TargetValue, "Streefwaarde: een percentage ligt tussen 0 en 100."),
                (SmartTargetField.BaselineValue, "Nulmeting: een percentage ligt tussen 0 en 100."),
            ]
        },
        {
            "negative count", Example with { TargetValue = "-3" }, KpiUnit.Count, false,
            [(SmartTargetField.TargetValue, "Streefwaarde: de waarde kan niet negatief zijn.")]
        },
        {
            "tolerance outside 0-100, and not above on-track", Example with { ToleranceOnTrack = "120", ToleranceAttention = "-1" }, KpiUnit.Score, false,
            [
                (SmartTargetField.ToleranceOnTrack, "Een tolerantie is een percentage tussen 0 en 100."),
                (SmartTargetField.ToleranceAttention, "Een tolerantie is een percentage tussen 0 en 100."),
                (SmartTargetField.ToleranceAttention, "De grens voor 'aandacht' moet groter zijn dan de grens voor 'op koers'."),
            ]
        },
        {
            "baseline period not a period", Example with { BaselinePeriod = "vorig jaar" }, KpiUnit.Score, false,
            [
                (SmartTargetField.BaselinePeriod, "'vorig jaar' is geen periode; gebruik bijvoorbeeld 2019 of 2019-K3."),
                (SmartTargetField.BaselineValue, "Een SMART-streefwaarde heeft een nulmeting: vul de waarde én de periode van de nulmeting in."),
            ]
        },
        {
            "deadline not after the baseline", Example with { BaselinePeriod = "2030-K2", Deadline = "2030" }, KpiUnit.Score, false,
            [(SmartTargetField.Deadline, "De deadline (2030) moet na de nulmeting (2030-K2) liggen.")]
        },
        {
            "deadline not a period, no rationale", Example with { Deadline = "ooit", Rationale = "" }, KpiUnit.Score, false,
            [
                (SmartTargetField.Deadline, "'ooit' is geen periode; gebruik bijvoorbeeld 2021 of 2021-K2."),
                (SmartTargetField.Rationale, "Onderbouw de streefwaarde (waarom deze waarde, op basis waarvan)."),
            ]
        },
        {
            "no start", Example with { ValidFrom = " " }, KpiUnit.Score, false,
            [(SmartTargetField.ValidFrom, "Vul in vanaf welk kwartaal of jaar deze versie geldt (geldig vanaf, bijvoorbeeld 2020-K3).")]
        },
        {
            "start unreadable, decision date in the future, URL not absolute, unknown body", Example with
            {
                ValidFrom = "volgend jaar", DecisionDate = "04-12-2026", DecisionUrl = "raad.hilversum.nl/besluit", DecidedBy = "wethouder",
            }, KpiUnit.Score, false,
            [
                (SmartTargetField.ValidFrom, "Geldig vanaf: 'volgend jaar' is geen periode; gebruik bijvoorbeeld 2019 of 2019-K3."),
                (SmartTargetField.DecisionDate, "De besluitdatum (04-12-2026) ligt in de toekomst; vul de datum in waarop het besluit genomen is."),
                (SmartTargetField.DecidedBy, "Kies wie het besluit nam: gemeenteraad, college van B&W, ambtelijk."),
                (SmartTargetField.DecisionUrl, "Besluit-URL: 'raad.hilversum.nl/besluit' is geen volledig webadres; begin met https:// (bijvoorbeeld https://hilversum.raadsinformatie.nl/...)."),
            ]
        },
        {
            "start before the first measurement, unreadable decision date", Example with { ValidFrom = "2015", DecisionDate = "31-02-2020" }, KpiUnit.Score, false,
            [
                (SmartTargetField.ValidFrom, "Geldig vanaf (2015) ligt vóór de eerste meting van deze KPI (2016); kies 2016 of later."),
                (SmartTargetField.DecisionDate, "Besluitdatum: '31-02-2020' is geen datum; gebruik bijvoorbeeld 2019-06-26 of 26-06-2019."),
            ]
        },
        {
            "start after the deadline", Example with { ValidFrom = "2031" }, KpiUnit.Score, false,
            [(SmartTargetField.ValidFrom, "Geldig vanaf (2031) ligt na de deadline (2030); een versie moet gelden vóór of in het kwartaal van haar deadline.")]
        },
        {
            "no baseline value", Example with { BaselineValue = null }, KpiUnit.Score, false,
            [(SmartTargetField.BaselineValue, "Een SMART-streefwaarde heeft een nulmeting: vul de waarde én de periode van de nulmeting in.")]
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Validate_RefusesWithDutchMessagesPerField_InTheOrderShown(string because, SmartTargetInput input, KpiUnit unit, bool isChange, (SmartTargetField, string)[] expected)
    {
        var result = SmartTarget.Validate(input, unit, isChange, Time);

        result.IsValid.Should().BeFalse(because);
        result.Target.Should().BeNull();
        result.Problems.Select(p => (p.Field, p.Message)).Should().Equal(expected, because);
    }

    [Fact]
    public void Check_TheWorkedExample_MeetsAllFiveCriteria()
    {
        var check = SmartTarget.Check(Example, Score, Period.OfQuarter(2026, 4));

        check.Should().Equal(
            new SmartCriterion("Specifiek", true, "de KPI heeft een definitie, eenheid en richting"),
            new SmartCriterion("Meetbaar", true, "nulmeting met periode aanwezig"),
            new SmartCriterion("Acceptabel", true, "rust op Raadsbesluit 26 juni 2019 "),
            new SmartCriterion("Realistisch", true, "onderbouwd"),
            new SmartCriterion("Tijdgebonden", true, "deadline 2030"));
    }

    [Fact]
    public void Check_AnEmptyFormForADescriptiveKpi_MeetsNone()
    {
        var check = SmartTarget.Check(new SmartTargetInput(), Score with { Direction = KpiDirection.Informative }, Period.OfQuarter(2026, 4));

        check.Should().Equal(
            new SmartCriterion("Specifiek", false, "deze KPI is beschrijvend (geen richting): een streefwaarde zegt dan weinig"),
            new SmartCriterion("Meetbaar", false, "er is geen nulmeting"),
            new SmartCriterion("Acceptabel", false, "verwijs naar het raadsbesluit waarop de streefwaarde rust"),
            new SmartCriterion("Realistisch", false, "er is geen onderbouwing"),
            new SmartCriterion("Tijdgebonden", false, "er is geen deadline"));
    }

    [Theory]
    [InlineData("2026-K4", true, "deadline 2026-K4")]
    [InlineData("2027", true, "deadline 2027")]
    [InlineData("2026", false, "de deadline 2026 ligt in het verleden: een streefwaarde hoort vooraf vast te liggen")] // a year sorts before its quarters
    [InlineData("2026-K3", false, "de deadline 2026-K3 ligt in het verleden: een streefwaarde hoort vooraf vast te liggen")]
    public void Check_Tijdgebonden_ComparesTheDeadlineWithTheCurrentQuarter(string deadline, bool met, string explanation)
    {
        var criterion = SmartTarget.Check(Example with { Deadline = deadline }, Score, Period.OfQuarter(2026, 4))[4];

        (criterion.Met, criterion.Explanation).Should().Be((met, explanation));
    }

    [Theory]
    [InlineData(null, "6,4", false, "de KPI heeft geen definitie", "nulmeting met periode aanwezig")]
    [InlineData("Definitie.", "6,4", true, "de KPI heeft een definitie, eenheid en richting", "nulmeting met periode aanwezig")]
    public void Check_Specifiek_NeedsADefinition(string? definition, string baseline, bool met, string specific, string measurable)
    {
        var check = SmartTarget.Check(Example with { BaselineValue = baseline }, Score with { Definition = definition }, Period.OfQuarter(2026, 4));

        (check[0].Met, check[0].Explanation, check[1].Explanation).Should().Be((met, specific, measurable));
    }

    [Fact]
    public void Check_Meetbaar_NeedsThePeriodOfTheBaseline()
    {
        var check = SmartTarget.Check(Example with { BaselinePeriod = null }, Score, Period.OfQuarter(2026, 4));

        (check[1].Met, check[1].Explanation).Should().Be((false, "de nulmeting heeft geen periode"));
    }

    [Fact]
    public void Validate_RefusesTextLongerThanItsColumn_ControlCharacters_AndNumbersTheDatabaseCannotHold()
    {
        var input = Example with
        {
            Rationale = new string('x', SmartTarget.RationaleMaxLength + 1), CouncilDecision = "a\0b", BaselineValue = "100000000000000",
            ChangeReason = "reden\u0007",
        };

        var problems = SmartTarget.Validate(input, KpiUnit.Score, isChange: true, Time).Problems;

        problems.Should().Contain([
            new SmartTargetProblem(SmartTargetField.Rationale, "Onderbouwing: hooguit 2000 tekens (2001 getypt)."),
            new SmartTargetProblem(SmartTargetField.CouncilDecision, "Raadsbesluit: bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen."),
            new SmartTargetProblem(SmartTargetField.ChangeReason, "Reden van de wijziging: bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen."),
            new SmartTargetProblem(SmartTargetField.BaselineValue, "Nulmeting: 100000000000000 is te groot; een waarde is hoogstens 99.999.999.999.999.")]);
    }

    [Fact]
    public void RecordedProblems_AllowAMissingBaselineAndDeadline_ButNotHalfABaseline()
    {
        var recorded = Example with { BaselineValue = null, BaselinePeriod = null, Deadline = null };

        SmartTarget.RecordedProblems(recorded, KpiUnit.Score, isChange: false, Time).Should().BeEmpty();
        SmartTarget.Validate(recorded, KpiUnit.Score, isChange: false, Time).Problems.Select(p => p.Field).Should().Contain([SmartTargetField.BaselineValue, SmartTargetField.Deadline]);
        SmartTarget.RecordedProblems(recorded with { BaselineValue = "6,4" }, KpiUnit.Score, isChange: false, Time).Select(p => p.Field).Should().Equal(SmartTargetField.BaselineValue);
    }

    // Issue 18: a deadline in the past is shown back to be confirmed, not stored silently. Today is 3 December 2026 (2026-K4).
    [Theory]
    [InlineData("2020", true)]
    [InlineData("2026-K3", true)]
    [InlineData("2026-K4", false)]
    [InlineData("2026", false)] // a year ends in its fourth quarter
    [InlineData("2030", false)]
    public void PastDeadline_IsShownBackBeforeSaving(string deadline, bool shownBack)
    {
        var result = SmartTarget.Validate(Example with { BaselinePeriod = "2016", Deadline = deadline }, KpiUnit.Score, isChange: false, Time);

        result.IsValid.Should().BeTrue("a past deadline is warned about, not refused (an earlier decision may be recorded late)");
        result.Readings.Any(r => r.StartsWith($"Deadline: {deadline} ligt in het verleden (vandaag is 03-12-2026)", StringComparison.Ordinal))
            .Should().Be(shownBack);
    }
}
