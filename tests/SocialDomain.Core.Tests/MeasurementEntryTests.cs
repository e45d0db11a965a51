using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>The examples of docs/calculations.md, "Metingen invoeren" (today is 3 December 2026).</summary>
public class MeasurementEntryTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData("2021-K1", KpiFrequency.Quarter, "2021-K1", null)]
    [InlineData(" 2026-K4 ", KpiFrequency.Quarter, "2026-K4", null)]
    [InlineData("2027-K1", KpiFrequency.Quarter, null, "Periode: 2027-K1 ligt in de toekomst.")]
    [InlineData("2021", KpiFrequency.Quarter, null, "Periode: deze KPI wordt per kwartaal gemeten; gebruik bijvoorbeeld 2021-K1.")]
    [InlineData("2021-K2", KpiFrequency.Year, null, "Periode: deze KPI wordt per jaar gemeten; gebruik bijvoorbeeld 2021.")]
    [InlineData("2021-K9", KpiFrequency.Quarter, null, "Periode: '2021-K9' is geen periode; gebruik bijvoorbeeld 2021-K1.")]
    [InlineData("", KpiFrequency.Year, null, "Periode: vul een periode in, bijvoorbeeld 2021.")]
    public void CheckPeriod_WantsThePeriodInTheKpisFrequency_NotInTheFuture(string text, KpiFrequency frequency, string? expected, string? problem)
    {
        var (period, found) = MeasurementEntry.CheckPeriod(text, frequency, Today);

        period?.ToString().Should().Be(expected);
        found?.Message.Should().Be(problem);
        (period is null).Should().Be(problem is not null);
    }

    [Theory]
    [InlineData("81,5", KpiUnit.Percent, "81.5", null)]
    [InlineData("81.5", KpiUnit.Percent, "81.5", null)]
    [InlineData("-12,5", KpiUnit.Percent, "-12.5", null)]
    [InlineData("101", KpiUnit.Percent, null, "Waarde: 101 past niet bij de eenheid (toegestaan -100 tot en met 100).")]
    [InlineData("11", KpiUnit.Score, null, "Waarde: 11 past niet bij de eenheid (toegestaan 1 tot en met 10).")]
    [InlineData("1.234,5", KpiUnit.Count, "1234.5", null)]
    [InlineData("1,234.5", KpiUnit.Count, null, "Waarde: '1,234.5' is geen getal in Nederlandse notatie: punten voor duizendtallen, een komma voor decimalen (bijvoorbeeld 1.234,5).")]
    [InlineData("12.500", KpiUnit.Percent, null, "Waarde: 12500 past niet bij de eenheid (toegestaan -100 tot en met 100); '12.500' is gelezen als 12.500 (de punt scheidt duizendtallen); bedoelt u 12,500, typ dan een komma.")]
    [InlineData("veel", KpiUnit.Count, null, "Waarde: 'veel' is geen getal (gebruik bijvoorbeeld 7,5 of 1.000).")]
    [InlineData("1000000000000000", KpiUnit.Euro, null, "Waarde: te groot of te veel decimalen (hooguit 14 cijfers voor en 4 na de komma).")]
    [InlineData("0,12345", KpiUnit.Euro, null, "Waarde: te groot of te veel decimalen (hooguit 14 cijfers voor en 4 na de komma).")]
    [InlineData(" ", KpiUnit.Euro, null, "Waarde: vul een waarde in.")]
    public void CheckValue_ReadsDutchNumbers_InTheUnitsRange(string text, KpiUnit unit, string? expected, string? problem)
    {
        var (value, found) = MeasurementEntry.CheckValue(text, unit);

        value.Should().Be(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        found?.Message.Should().Be(problem);
    }

    [Fact]
    public void Check_ACorrection_WithoutReason_NamesEveryFieldInError()
    {
        var (valid, problems) = MeasurementEntry.Check("2027", "x", "  ", reasonRequired: true, KpiUnit.Count, KpiFrequency.Year, Today);

        valid.Should().BeNull();
        problems.Select(p => p.Field).Should().Equal(MeasurementField.Period, MeasurementField.Value, MeasurementField.Reason);
        problems[2].Message.Should().Be("Reden: een correctie of intrekking vraagt een reden.");
    }

    [Fact]
    public void Check_ANewValue_NeedsNoReason_ButAReasonIsKept()
    {
        MeasurementEntry.Check("2020", "7", null, reasonRequired: false, KpiUnit.Score, KpiFrequency.Year, Today).Valid
            .Should().Be(new ValidMeasurement(Period.OfYear(2020), 7m, null));
        MeasurementEntry.Check("2020", "7", " bron: KTO ", reasonRequired: false, KpiUnit.Score, KpiFrequency.Year, Today).Valid!.Reason.Should().Be("bron: KTO");
        MeasurementEntry.Check("2020", "7", new string('a', 1001), reasonRequired: false, KpiUnit.Score, KpiFrequency.Year, Today).Problems
            .Should().ContainSingle().Which.Message.Should().Be("Reden: hooguit 1000 tekens (1001 getypt).");
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("regel\u0007")]
    public void TextFields_RefuseControlCharacters_ThatTheDatabaseCannotStore(string text)
    {
        MeasurementEntry.CheckSource(text)!.Message.Should().Be("Bron: bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen.");
        MeasurementEntry.CheckReason(text).Problem!.Message.Should().Be("Reden: bevat een stuurteken (zoals NUL) dat niet kan worden opgeslagen.");
        MeasurementEntry.Check("2020", "7", text, reasonRequired: false, KpiUnit.Score, KpiFrequency.Year, Today).Problems.Should().ContainSingle();
        MeasurementEntry.CheckReason("twee\r\nregels\tmet tab").Reason.Should().Be("twee\r\nregels\tmet tab");
    }
}
