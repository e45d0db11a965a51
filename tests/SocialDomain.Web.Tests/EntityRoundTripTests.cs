using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Commentary;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests;

public class EntityRoundTripTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly SourceReference Source = new("003", "Bijlage 1 (Jeugd), regel 363");

    [Fact]
    public async Task EveryEntity_RoundTrips_WithExactValues()
    {
        var changedAt = new DateTimeOffset(2019, 6, 26, 14, 30, 0, TimeSpan.Zero);
        await using (var db = Database.CreateContext())
        {
            var sizeClass = new Municipality { Code = "GK5", Name = "50.000 tot 100.000 inwoners", Kind = BenchmarkEntityKind.SizeClass };
            var hilversum = new Municipality
            {
                Code = "GM0402", Name = "Hilversum", Kind = BenchmarkEntityKind.Municipality, IsG40 = true,
                SizeClass = sizeClass, Aliases = ["Gemeente Hilversum"],
            };
            hilversum.Characteristics.Add(new MunicipalityCharacteristics
            {
                MunicipalityCode = "GM0402", Snapshot = new DateOnly(2019, 12, 1), Population = 90612, PctLowIncome = 21.3m,
                PctYouth0To19 = 22.7m, PctYouthWithYouthCare = 8.3m, PctAged65To74 = 10.2m, PctAged75Plus = 8.8m, Source = Source,
            });
            var zorg = new Programme { Code = "2", Name = "Zorg" };
            var field = new TaskField { Code = "6.72", Name = "Maatwerkdienstverlening 18-", Domain = SocialDomainArea.Jeugd, Programme = zorg };
            db.AddRange(sizeClass, hilversum, zorg, field);
            db.BudgetLines.Add(new BudgetLine
            {
                Scope = BudgetScope.Programme, ScopeCode = "2", Name = "Zorg", Programme = zorg, Year = 2019,
                Stage = BudgetStage.Actuals, Measure = BudgetMeasure.Expenses, Amount = 1_163_470.55m, Source = Source,
            });
            var project = new Project { Code = "DASHBOARDS", Name = "Dashboards", Source = Source };
            project.Budgets.Add(new ProjectBudget { ProjectCode = "DASHBOARDS", Year = 2018, Amount = 150_000m, Funding = "Reserve Sociaal Domein", Source = Source });
            db.Projects.Add(project);
            db.ReserveMovements.Add(new ReserveMovement { Reserve = "Reserve Sociaal Domein", Year = 2018, Kind = "onttrekking", Amount = 1_125_000m, Source = Source });
            var kpi = new Kpi
            {
                Code = "SP_SCORE", Name = "Rapportcijfer Sociaal Plein", Definition = "Gemiddeld rapportcijfer van klanten.",
                Unit = KpiUnit.Score, Direction = KpiDirection.HigherIsBetter, Frequency = KpiFrequency.Year,
                Domain = SocialDomainArea.SociaalPlein, Programme = zorg, Owner = "Sociaal Plein", DataSource = "Klanttevredenheidsonderzoek",
                LegalNorm = null, Source = Source,
            };
            kpi.Targets.Add(new KpiTarget
            {
                Version = 1, BaselineValue = 6.4m, BaselineYear = 2016, TargetValue = 7.0m, DeadlineYear = 2019,
                ValidFromYear = 2017, ValidFromQuarter = 2, DecisionDate = new DateOnly(2017, 6, 28), DecidedBy = DecisionBody.Council,
                DecisionDocument = "Raadsvoorstel WINST", DecisionUrl = "https://hilversum.raadsinformatie.nl/document/1",
                ToleranceOnTrackPercent = 5m, ToleranceAttentionPercent = 15m, Rationale = "Investeringsvoorstel WINST",
                CouncilDecision = "Raadsbesluit 2017", ChangedBy = "import", ChangedAt = changedAt, Source = Source,
            });
            kpi.Measurements.Add(new KpiMeasurement { Year = 2018, Value = 6.8m, Status = MeasurementStatus.Final, Source = Source });
            kpi.Measurements.Add(new KpiMeasurement { Year = 2020, Quarter = 3, Value = 6.9m, Status = MeasurementStatus.Provisional, IsSynthetic = true, Source = Source });
            kpi.Commentaries.Add(NewCommentary.Create(0, Period.OfQuarter(2020, 3), "Toelichting", CommentaryStatus.Draft, "adviseur", changedAt));
            db.Kpis.Add(kpi);
            db.KpiReferenceValues.Add(new KpiReferenceValue { Kpi = kpi, Year = 2019, Reference = "Nederland", Value = 7.1m, Source = Source });
            db.BenchmarkObservations.Add(new BenchmarkObservation
            {
                MunicipalityCode = "GM0402", Domain = SocialDomainArea.Jeugd, TaskField = field, Year = 2018,
                Stage = BenchmarkStage.AnnualAccounts, ValuePerInhabitant = -148.1m, SourceName = "Gemeente Hilversum", Source = Source,
            });
            db.BenchmarkObservations.Add(new BenchmarkObservation
            {
                MunicipalityCode = "GM0402", Domain = SocialDomainArea.Jeugd, TaskFieldCode = null, Year = 2020,
                Stage = BenchmarkStage.Budget, ValuePerInhabitant = null, Source = Source,
            });
            db.DataQualityFindings.Add(new DataQualityFinding
            {
                Dataset = "g40", Subject = "jeugd/totaal/2020/begroting", Message = "Gemiddelde wijkt af", StatedValue = -280.3m,
                RecomputedValue = -287.50m, Difference = 7.2m, Count = 39, Missing = ["GM0995"], Source = Source,
            });
            await db.SaveChangesAsync();
        }

        await using var read = Database.CreateContext();
        var m = await read.Municipalities.Include(x => x.Characteristics).SingleAsync(x => x.Code == "GM0402");
        m.SizeClassCode.Should().Be("GK5");
        m.Aliases.Should().Equal("Gemeente Hilversum");
        m.Characteristics.Single().PctYouthWithYouthCare.Should().Be(8.3m);
        m.Characteristics.Single().Snapshot.Should().Be(new DateOnly(2019, 12, 1));
        m.Characteristics.Single().Source.Should().Be(Source);
        (await read.TaskFields.SingleAsync()).ProgrammeCode.Should().Be("2");
        (await read.BudgetLines.SingleAsync()).Amount.Should().Be(1_163_470.55m);
        (await read.ProjectBudgets.SingleAsync()).Funding.Should().Be("Reserve Sociaal Domein");
        (await read.ReserveMovements.SingleAsync()).Amount.Should().Be(1_125_000m);
        var kpiRead = await read.Kpis.Include(k => k.Targets).Include(k => k.Measurements).Include(k => k.Commentaries).SingleAsync();
        kpiRead.Unit.Should().Be(KpiUnit.Score);
        kpiRead.Targets.Single().ChangedAt.Should().Be(changedAt);
        kpiRead.Targets.Single().TargetValue.Should().Be(7.0m);
        kpiRead.Targets.Single().Should().Match<KpiTarget>(t => t.ValidFrom == Period.OfQuarter(2017, 2) && t.DecisionDate == new DateOnly(2017, 6, 28)
            && t.DecidedBy == DecisionBody.Council && t.DecisionDocument == "Raadsvoorstel WINST" && t.DecisionUrl == "https://hilversum.raadsinformatie.nl/document/1");
        kpiRead.Measurements.Should().HaveCount(2);
        kpiRead.Measurements.Single(x => x.Quarter == 3).IsSynthetic.Should().BeTrue();
        kpiRead.Measurements.Single(x => x.Quarter is null).Period.Should().Be(Period.OfYear(2018));
        kpiRead.Commentaries.Single().Status.Should().Be(CommentaryStatus.Draft);
        (await read.KpiReferenceValues.SingleAsync()).Value.Should().Be(7.1m);
        var observations = await read.BenchmarkObservations.OrderBy(o => o.Year).ToListAsync();
        observations[0].ValuePerInhabitant.Should().Be(-148.1m);
        observations[1].ValuePerInhabitant.Should().BeNull("a '-' in the source is missing, not zero");
        var finding = await read.DataQualityFindings.SingleAsync();
        finding.Missing.Should().Equal("GM0995");
        finding.RecomputedValue.Should().Be(-287.50m);
    }

    [Fact]
    public async Task Measurement_ForTheSamePeriodTwice_IsRejectedByTheDatabase()
    {
        await using var db = Database.CreateContext();
        var kpi = new Kpi
        {
            Code = "X", Name = "X", Definition = "X", Unit = KpiUnit.Count, Direction = KpiDirection.HigherIsBetter,
            Frequency = KpiFrequency.Year, Domain = SocialDomainArea.Wmo, Source = Source,
        };
        kpi.Measurements.Add(new KpiMeasurement { Year = 2018, Value = 1, Source = Source });
        kpi.Measurements.Add(new KpiMeasurement { Year = 2018, Value = 2, Source = Source });
        db.Kpis.Add(kpi);

        var save = () => db.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateException>("a year without quarter may occur only once per KPI (NULLS NOT DISTINCT)");
    }

    [Fact]
    public async Task TargetChange_WithoutReason_IsRejectedByTheDatabase()
    {
        await using var db = Database.CreateContext();
        var kpi = new Kpi
        {
            Code = "Y", Name = "Y", Definition = "Y", Unit = KpiUnit.Percent, Direction = KpiDirection.HigherIsBetter,
            Frequency = KpiFrequency.Year, Domain = SocialDomainArea.Wmo, Source = Source,
        };
        kpi.Targets.Add(new KpiTarget { Version = 1, ValidFromYear = 2020, TargetValue = 80, DeadlineYear = 2021, ChangedBy = "a", ChangedAt = DateTimeOffset.UtcNow, Source = Source });
        kpi.Targets.Add(new KpiTarget { Version = 2, ValidFromYear = 2021, TargetValue = 70, DeadlineYear = 2021, ChangedBy = "a", ChangedAt = DateTimeOffset.UtcNow, Source = Source });
        db.Kpis.Add(kpi);

        var save = () => db.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateException>();
    }
}
