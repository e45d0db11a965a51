using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Tests;

/// <summary>The rules of docs/time-model.md, "Definitieversies": checks of a typed definition, the version in force, archiving, entry scope.</summary>
public class DefinitionRulesTests
{
    private static readonly DefinitionReferences Known = new(new HashSet<string> { "2", "3" }, new HashSet<string> { "6.72" });

    private static DefinitionInput Input(string? code = "WMO_Q", string? name = "Wmo binnen de termijn", string? owner = "Team Wmo", string? direction = "higher_is_better",
        string? low = null, string? high = null, string? validFrom = "2026-K2", string? reason = "Aangescherpt.", string? programme = "2", string? taskField = "6.72",
        string? legalNorm = null, string? legalText = null) =>
        new(code, name, "Aandeel binnen acht weken.", "percent", direction, low, high, "quarter", "wmo", "Zaaksysteem", owner, programme, taskField, legalNorm, legalText,
            validFrom, reason);

    public static TheoryData<DefinitionInput, bool, DefinitionField, string> Problems => new()
    {
        { Input(owner: null), true, DefinitionField.Owner, "Eigenaar: verplicht" },
        { Input(owner: "  "), false, DefinitionField.Owner, "Eigenaar: verplicht" },
        { Input(name: new string('x', 201)), true, DefinitionField.Name, "Naam: hooguit 200 tekens (201 getypt)." },
        { Input(code: "wmo-q"), false, DefinitionField.Code, "Code: 'wmo-q' is geen geldige code" },
        { Input(direction: "within_band", low: "90", high: "80"), true, DefinitionField.BandHigh, "Bovengrens: moet groter zijn dan de ondergrens." },
        { Input(direction: "within_band", low: "80", high: "80"), true, DefinitionField.BandHigh, "Bovengrens: moet groter zijn dan de ondergrens." },
        { Input(direction: "within_band", low: null, high: "80"), true, DefinitionField.BandLow, "Ondergrens: verplicht bij een bandbreedte" },
        { Input(direction: "sideways"), true, DefinitionField.Direction, "Richting: kies uit" },
        { Input(validFrom: "2026-K5"), true, DefinitionField.ValidFrom, "Geldig vanaf: '2026-K5' is geen periode" },
        { Input(validFrom: null), false, DefinitionField.ValidFrom, "Geldig vanaf: verplicht" },
        { Input(reason: null), true, DefinitionField.Reason, "Reden van de wijziging: verplicht" },
        { Input(programme: "9"), true, DefinitionField.Programme, "Programma: '9' bestaat niet of is gearchiveerd." },
        { Input(taskField: "6.1"), true, DefinitionField.TaskField, "Taakveld: '6.1' bestaat niet of is gearchiveerd." },
        { Input(legalNorm: "100"), true, DefinitionField.LegalNormDescription, "Omschrijving van de wettelijke norm: beschrijf de norm" },
        { Input(legalNorm: "1,234.5", legalText: "x"), true, DefinitionField.LegalNorm, "Wettelijke norm: '1,234.5' is geen getal" },
        { Input(name: "a\0b"), true, DefinitionField.Name, "Naam: bevat een stuurteken" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Check_RefusesBadInput_WithAMessageNamingTheField(DefinitionInput input, bool isChange, DefinitionField field, string message)
    {
        var (valid, problems) = DefinitionRules.Check(input, isChange, Known);

        valid.Should().BeNull();
        problems.Should().ContainSingle(p => p.Field == field).Which.Message.Should().StartWith(message);
    }

    [Fact]
    public void Check_AcceptsAGoodChange_TrimmedAndWithoutBandOutsideWithinBand()
    {
        var (valid, problems) = DefinitionRules.Check(Input(name: "  Wmo binnen de termijn ", low: "1", high: "2"), isChange: true, Known);

        problems.Should().BeEmpty();
        valid!.Name.Should().Be("Wmo binnen de termijn");
        (valid.BandLow, valid.BandHigh, valid.ValidFrom, valid.Programme).Should().Be(((decimal?)null, (decimal?)null, Period.OfQuarter(2026, 2), "2"));
    }

    [Fact]
    public void Check_ANewKpiNeedsNoReason_ButAChangeDoes()
    {
        DefinitionRules.Check(Input(reason: null), isChange: false, Known).Problems.Should().BeEmpty();
        DefinitionRules.Check(Input(reason: null), isChange: true, Known).Problems.Should().ContainSingle(p => p.Field == DefinitionField.Reason);
    }

    // Worked example (docs/time-model.md): version 1 from 2020, version 2 from 2026-K2.
    private static readonly TargetValidity[] Versions = [new(1, Period.OfYear(2020)), new(2, Period.OfQuarter(2026, 2))];

    [Theory]
    [InlineData("2019-K4", 1)] // before the first start: the first version
    [InlineData("2020-K1", 1)]
    [InlineData("2026-K1", 1)]
    [InlineData("2026-K2", 2)]
    [InlineData("2026", 2)]
    public void InForce_GivesTheDefinitionOfTheQuarter(string quarter, int expected) =>
        DefinitionRules.InForce(Versions, v => v, Period.Parse(quarter))!.Version.Should().Be(expected);

    [Theory]
    [InlineData("2026-K1", false)]
    [InlineData("2026-K2", true)]
    [InlineData("2026-K3", true)]
    [InlineData("2025", false)]
    [InlineData("2026", true)] // a year counts in its fourth quarter
    public void IsArchivedIn_FromTheArchiveQuarterOn(string quarter, bool archived) =>
        DefinitionRules.IsArchivedIn(Period.OfQuarter(2026, 2), Period.Parse(quarter)).Should().Be(archived);

    [Theory]
    [InlineData("2026-K2", null, true, null)]
    [InlineData("2026-2", "Vervalt.", false, "Archiveren vanaf: '2026-2' is geen kwartaal")]
    [InlineData("2026", "Vervalt.", false, "Archiveren vanaf: '2026' is geen kwartaal")]
    [InlineData("2026-K2", "Vervalt.", true, null)]
    public void CheckArchive_NeedsAQuarterAndAReason(string quarter, string? reason, bool quarterOk, string? message)
    {
        var (period, why, problems) = DefinitionRules.CheckArchive(quarter, reason);

        (period is not null).Should().Be(quarterOk && reason is not null);
        if (message is not null)
        {
            problems.Should().Contain(p => p.Field == DefinitionField.ArchiveFrom && p.Message.StartsWith(message));
        }

        if (reason is null)
        {
            problems.Should().Contain(p => p.Field == DefinitionField.Reason);
        }
        else if (quarterOk)
        {
            why.Should().Be(reason);
        }
    }

    [Theory]
    [InlineData("6.72", true, true)]
    [InlineData("6.1", true, true)]
    [InlineData("6,72", true, false)]
    [InlineData("2", false, true)]
    [InlineData("2 a", false, false)]
    public void CheckCatalogueEntry_ChecksTheCodeFormat(string code, bool isTaskField, bool ok) =>
        DefinitionRules.CheckCatalogueEntry(code, "Naam", isTaskField).Problems.Should().HaveCount(ok ? 0 : 1);

    [Theory]
    [InlineData(null, "2", true)] // controller or unassigned advisor
    [InlineData("", "3", true)] // assigned to nothing
    [InlineData("2", "2", true)]
    [InlineData("2", "3", false)]
    [InlineData("2,3", "3", true)]
    [InlineData("2", null, false)] // a KPI without programme is none of the assigned ones
    public void MayEnterFor_LimitsAssignedAdvisorsToTheirProgrammes(string? assigned, string? kpiProgramme, bool allowed) =>
        DefinitionRules.MayEnterFor(assigned?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(), kpiProgramme).Should().Be(allowed);
}
