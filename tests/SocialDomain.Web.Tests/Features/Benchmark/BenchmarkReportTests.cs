using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.G40Benchmark;

namespace SocialDomain.Web.Tests.Features.Benchmark;

/// <summary>
/// The benchmark report built from the G40 seed without database or browser. Expected values: docs/calculations.md,
/// sections "Benchmark", "Growth" and "Benchmark report".
/// </summary>
public class BenchmarkReportTests
{
    private static readonly BenchmarkReport Jeugd2018 = G40Seed.Report(G40Seed.Input("jeugd", "2018-jaarrekening", "GM0402"));

    [Fact]
    public void Ranking_PutsHilversumFirstOfForty_InJeugd2018()
    {
        var report = Jeugd2018;

        report.HasData.Should().BeTrue();
        report.RankedCount.Should().Be(40);
        report.MissingMembers.Should().BeEmpty();
        report.HomeBar.Should().Be(new BarRow(1, 1, "Hilversum", -191.4m, 100m, true));
        report.Bars.Select(b => b.Name).Take(4).Should().Equal("Hilversum", "Roosendaal", "Delft", "Haarlem");
        report.Bars[^1].Should().Be(new BarRow(40, 40, "Heerlen", -460.1m, 0m, false));
        report.Bars.Where(b => b.IsHome).Should().ContainSingle();
    }

    [Fact]
    public void References_AreNamed_WithHilversumsDeviationFromEach()
    {
        var report = Jeugd2018;

        report.G40RecomputedReference!.Saldo.Should().Be(-281.0775m);
        report.G40RecomputedReference.Deviation.Should().Be("€\u00A089,68 per inwoner (31,9%) minder netto lasten dan het G40-gemiddelde");
        report.G40RecomputedReference.Note.Should().Be("ongewogen gemiddelde van alle 40 G40-gemeenten");
        report.G40StatedReference!.Saldo.Should().Be(-281.1m);
        report.G40StatedReference.Deviation.Should().Be("€\u00A089,70 per inwoner (31,9%) minder netto lasten dan het vermelde G40-gemiddelde");
        report.SizeClassReference!.Label.Should().Be("Grootteklasse: Gemeentegrootte 50 000 tot 100 000 inwoners");
        report.SizeClassReference.HomeDeviation!.NetCostDifference.Should().Be(-71.0m);
        report.NetherlandsReference!.Saldo.Should().Be(-247.8m);
        report.NetherlandsReference.HomeDeviation!.NetCostDifference.Should().Be(-56.4m);
        report.References.Select(r => r.Code).Should().Equal("g40_herberekend", "g40_vermeld", "grootteklasse", "nederland");
    }

    [Fact]
    public void StatedAverage_OfJeugd2020Budget_IsFlagged_BecauseLelystadHasNoValue()
    {
        var report = G40Seed.Report(G40Seed.Input("jeugd", "2020-begroting", "GM0402"));

        report.MissingMembers.Should().Equal("Lelystad");
        report.RankedCount.Should().Be(39);
        report.G40Average!.Mean!.Value.Should().BeApproximately(-287.5026m, 0.0001m);
        report.G40StatedCheck!.IsConsistent.Should().BeFalse();
        report.G40RecomputedReference!.Note.Should().Be("ongewogen gemiddelde van 39 van de 40 G40-gemeenten; zonder waarde: Lelystad");
    }

    [Fact]
    public void Series_RanksHilversumInEveryColumn_AsTheCouncilLetterSays()
    {
        var ranks = Jeugd2018.Series.ToDictionary(s => s.Column.Token, s => s.HomeRank?.Rank);

        ranks["2017-jaarrekening"].Should().Be(3);
        ranks["2018-jaarrekening"].Should().Be(1);
        ranks["2019-jaarrekening"].Should().Be(1);
        Jeugd2018.Series.Select(s => s.Column.Token).Should().Equal(
            "2017-jaarrekening", "2018-jaarrekening", "2019-begroting", "2019-jaarrekening", "2020-begroting");
    }

    // Change of net cost against the previous annual accounts: the G40 averages as stated (6,7% 7,3%, −11,9% −7,1%
    // printed), recomputed from the members (6,73% 7,30%, −11,89% −4,68%) and Hilversum's own figures.
    [Theory]
    [InlineData("2017-jaarrekening", null, null, null, null)]
    [InlineData("2018-jaarrekening", "2017-jaarrekening", 3.85, 6.73, 6.72)]
    [InlineData("2019-begroting", "2018-jaarrekening", -7.0, -11.89, -11.92)]
    [InlineData("2019-jaarrekening", "2018-jaarrekening", 4.49, 7.30, 7.29)]
    [InlineData("2020-begroting", "2019-jaarrekening", -3.95, -4.68, -7.06)]
    public void Series_GivesTheChangeAgainstThePreviousAnnualAccounts(string column, string? comparedWith, double? home, double? recomputed, double? stated)
    {
        var row = Jeugd2018.Series.Single(s => s.Column.Token == column);

        row.ComparedWith?.Token.Should().Be(comparedWith);
        (row.ComparedWith is null).Should().Be(comparedWith is null);
        Round(row.HomeChangePercent).Should().Be((decimal?)home);
        Round(row.G40RecomputedChangePercent).Should().Be((decimal?)recomputed);
        Round(row.G40StatedChangePercent).Should().Be((decimal?)stated);
    }

    [Fact]
    public void Peers_OfHilversum_AmongTheG40Only_AreTheWorkedExample_WithTheFourCharacteristicsOf2019()
    {
        // The worked example standardises over the 40 G40 members (the rows of Bijlage 1): the report, given only them.
        var input = G40Seed.Input("jeugd", "2018-jaarrekening", "GM0402", ("65-74", "0"), ("75plus", "0"));
        var choice = G40Seed.Choose(input);
        var g40Only = G40Seed.Entities(choice.Field, "2019-12").Where(e => e.IsG40 || e.Kind != BenchmarkEntityKind.Municipality).ToList();
        var report = BenchmarkReport.Build(choice, g40Only, [], input.Home, G40Seed.HomeCode);

        report.PeerRows.Select(p => p.Name).Should().Equal("Deventer", "Hengelo", "Alkmaar", "Helmond", "Hoorn");
        report.PeerRows.Select(p => DutchFormat.Round(p.Distance, 3)).Should().Equal(0.891m, 0.948m, 0.956m, 1.129m, 1.173m);
        report.CharacteristicRows.Select(c => c.Scale.Weight).Should().Equal(1m, 1m, 1m, 1m, 0m, 0m);
        DutchFormat.Round(report.CharacteristicRows[0].Scale.Mean, 3).Should().Be(126_506.975m);
        report.CharacteristicRows.Take(4).Select(c => DutchFormat.Round(c.HomeZScore!.Value, 3)).Should().Equal(-0.796m, -0.620m, 0.524m, -1.256m);
        report.PeerRows[0].Rank.Should().Be(report.Bars.Single(b => b.Name == "Deventer").Rank);
        report.PeerAverage!.N.Should().Be(5);
        report.WeightsAreDefault.Should().BeFalse();
        report.WeightQuery().Should().Contain("gewicht[65-74]", "0,0").And.Contain("gewicht[inwoners]", "1,0");
    }

    [Fact]
    public void Findings_OfTheSelectedColumn_ComeFirst_WithTheirContextFromTheStructuredColumns()
    {
        FindingData[] findings =
        [
            new(DataQualityCheck.Average, "G40", 2020, BenchmarkStage.Budget, "average/G40/jeugd/totaal/2020/Budget", "Het vermelde G40-gemiddelde …",
                "003", "Bijlage 1 (Jeugd), regel 380"),
            new(DataQualityCheck.BudgetDeficit, "G40", 2020, BenchmarkStage.Budget, "summary/G40/jeugd/BudgetDeficit/2019-AnnualAccounts/2020-Budget",
                "Het vermelde begrote tekort …", "003", "Bijlage 1 (Jeugd), regel 382"),
            new(DataQualityCheck.Growth, "G4", 2018, BenchmarkStage.AnnualAccounts, "summary/G4/jeugd/Growth/2017-AnnualAccounts/2018-AnnualAccounts",
                "De vermelde stijging …", "003", "Bijlage 1 (Jeugd), regel 390"),
        ];

        var in2020 = G40Seed.Report(G40Seed.Input("jeugd", "2020-begroting"), findings);
        var in2018 = G40Seed.Report(G40Seed.Input("jeugd", "2018-jaarrekening"), findings);

        in2020.ColumnFindings.Should().Equal(new FindingRow("average/G40/jeugd/totaal/2020/Budget", "Het vermelde G40-gemiddelde …",
            "G40-gemiddelde, 2020 begroting", "bron 003, Bijlage 1 (Jeugd), regel 380"));
        in2020.OtherFindings.Select(f => f.Context).Should().Equal("G40-gemiddelde, vermeld begroot tekort", "G4-gemiddelde, vermelde stijging van de lasten");
        in2018.ColumnFindings.Should().BeEmpty("the printed percentages are never about one column");
        in2018.OtherFindings.Should().HaveCount(3);
    }

    [Fact]
    public void Peers_ComeFromEveryMunicipalityWithCharacteristics_TheG40AndTheG4()
    {
        // docs/calculations.md, "Gemeenten zoals wij", second example: the same four characteristics of 2019, compared
        // with all 44 municipalities of the demo benchmark (the G4 have characteristics too).
        var report = G40Seed.Report(G40Seed.Input("jeugd", "2018-jaarrekening", "GM0402", ("65-74", "0"), ("75plus", "0")), snapshot: "2019-12");

        report.CharacteristicRows[0].Scale.N.Should().Be(44);
        DutchFormat.Round(report.CharacteristicRows[0].Scale.Mean, 3).Should().Be(169_830.205m);
        report.CharacteristicRows.Take(4).Select(c => DutchFormat.Round(c.HomeZScore!.Value, 3)).Should().Equal(-0.514m, -0.687m, 0.545m, -1.314m);
        report.PeerRows.Select(p => p.Name).Should().Equal("Haarlem", "Breda", "Deventer", "Alkmaar", "Hengelo");
        report.PeerRows.Select(p => DutchFormat.Round(p.Distance, 3)).Should().Equal(0.614m, 0.853m, 0.859m, 0.896m, 0.904m);
    }

    [Fact]
    public void Home_CanBeAMunicipalityOutsideTheG40_WithItsValueAndPeers_ButNoRank()
    {
        // Amsterdam (G4, not G40): Jeugd totaal 2018 jaarrekening −263 (Bijlage 1, line 571); peers per docs/calculations.md.
        var report = G40Seed.Report(G40Seed.Input("jeugd", "2018-jaarrekening", "GM0363"));

        report.SelectedHome.Should().Be(new EntityOption("GM0363", "Amsterdam"));
        report.Messages.Should().BeEmpty();
        report.HomeIsG40.Should().BeFalse();
        report.HomeSaldo.Should().Be(-263m);
        report.HomeBar.Should().BeNull();
        report.Bars.Should().HaveCount(40).And.NotContain(b => b.IsHome);
        report.G40RecomputedReference!.HomeDeviation!.NetCostDifference.Should().Be(-18.0775m);
        BenchmarkText.HomeRankNote(report).Should().Be("niet gerangschikt: geen G40-gemeente");
        report.PeerRows.Select(p => p.Name).Should().Equal("Rotterdam", "'s-Gravenhage", "Groningen", "Utrecht", "Nijmegen");
        report.PeerRows.Select(p => DutchFormat.Round(p.Distance, 3)).Should().Equal(2.508m, 2.949m, 4.228m, 4.385m, 4.757m);
        report.Series.Single(s => s.Column == report.SelectedColumn).HomeRank.Should().BeNull();
    }

    [Fact]
    public void Home_FallsBackToHilversum_WithADutchMessage_AfterTheOtherMessages()
    {
        var report = G40Seed.Report(G40Seed.Input("6.99", "2018-jaarrekening", "GM9999"));

        report.SelectedHome.Should().Be(new EntityOption("GM0402", "Hilversum"));
        report.Messages.Select(m => m.Text).Should().Equal(
            "'6.99' is geen domein of taakveld in de benchmark (kies bijvoorbeeld jeugd of 6.72); Jeugd totaal wordt getoond.",
            "'GM9999' is geen gemeente in de benchmark (gebruik een CBS-code, bijvoorbeeld GM0402); Hilversum wordt getoond.");
        BenchmarkSelection.ExportError(report.Messages).Should().Be(
            "'6.99' is geen domein of taakveld in de benchmark (kies bijvoorbeeld jeugd of 6.72). 'GM9999' is geen gemeente in de benchmark (gebruik een CBS-code, bijvoorbeeld GM0402).");
    }

    [Fact]
    public void Municipalities_AreSortedInDutch_IgnoringTheLeadingApostropheS()
    {
        var names = Jeugd2018.Municipalities.Select(m => m.Name).ToList();

        names.Should().HaveCount(44, "every municipality in the benchmark can be home: the 40 G40 members and the G4");
        names.IndexOf("'s-Hertogenbosch").Should().Be(names.IndexOf("Hengelo") + 1);
        names[0].Should().Be("Alkmaar");
    }

    [Fact]
    public void Build_WithoutG40Members_HasNoData_ButKeepsTheChoiceAndItsMessages()
    {
        var choice = G40Seed.Choose(G40Seed.Input("onzin"));

        var report = BenchmarkReport.Build(choice, [], [], null, G40Seed.HomeCode);

        report.HasData.Should().BeFalse();
        report.SelectedField!.Token.Should().Be("jeugd");
        report.Messages.Should().ContainSingle().Which.Problem.Should().StartWith("'onzin' is geen domein of taakveld");
        report.Bars.Should().BeEmpty();
        report.References.Should().BeEmpty();
    }

    [Fact]
    public void Charts_DrawTheNamedReferencesAsLines_AndMarkTheHomeBar()
    {
        var lines = BenchmarkCharts.ReferenceLines(Jeugd2018);

        lines.Select(l => (l.Label, l.Colour)).Should().Equal(
            ("G40-gemiddelde €\u00A0281,08", BenchmarkCharts.DarkColour),
            ("Grootteklasse €\u00A0262,40", BenchmarkCharts.SizeClassColour),
            ("Nederland €\u00A0247,80", BenchmarkCharts.NetherlandsColour));
        var json = Dashboard.ChartJson.Serialize(BenchmarkCharts.Ranking(Jeugd2018));
        json.Should().Contain("\"\\u25BA Hilversum\"", "the home bar is marked with ►").And.Contain(BenchmarkCharts.HomeColour).And.Contain("191.4");
    }

    private static decimal? Round(decimal? value) => value is { } v ? DutchFormat.Round(v, 2) : null;
    [Fact]
    public void Series_ShowsTheLatestTenColumnsAndTheSelectedOne_OrEveryColumnWhenAskedFor()
    {
        // Synthetic: 7 years × 2 stages = 14 columns; three G40 members (one of them home) with a value in each.
        var columns = Enumerable.Range(2010, 7).SelectMany(y => new[] { BenchmarkStage.Budget, BenchmarkStage.AnnualAccounts }.Select(s => (Year: y, Stage: s))).ToList();
        var catalogue = columns.Select(c => new CatalogueEntry(SocialDomainArea.Jeugd, null, null, c.Year, c.Stage)).ToList();
        var entities = new[] { "GM0001", "GM0002", "GM0003" }.Select((code, i) => new BenchmarkEntity(code, "Gemeente " + code, BenchmarkEntityKind.Municipality, true, null, null,
            columns.Select(c => new ColumnValue(c.Year, c.Stage, -100m - i - c.Year + 2000m)).ToList())).ToList();
        var oldest = new BenchmarkInput("jeugd", "2010-begroting", "GM0001", new Dictionary<string, string>());

        var recent = BenchmarkReport.Build(BenchmarkSelection.Choose(catalogue, oldest)!, entities, [], "GM0001", "GM0001");
        var all = BenchmarkReport.Build(BenchmarkSelection.Choose(catalogue, oldest with { Series = "alle" })!, entities, [], "GM0001", "GM0001", allColumns: true);

        recent.Series.Select(s => s.Column.Token).Should().Equal(
            new[] { "2010-begroting" }.Concat(columns.Skip(4).Select(c => $"{c.Year}-{(c.Stage == BenchmarkStage.Budget ? "begroting" : "jaarrekening")}")));
        recent.SeriesShowsAllColumns.Should().BeFalse();
        recent.SeriesQuery.Should().BeNull();
        all.Series.Should().HaveCount(14);
        all.SeriesQuery.Should().Be("alle");
        // A row's figures do not depend on the window: the change is still measured against the previous jaarrekening.
        recent.Series[^1].Should().BeEquivalentTo(all.Series[^1]);
        recent.Series[^1].ComparedWith!.Token.Should().Be("2015-jaarrekening");
    }
}
