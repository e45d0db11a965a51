using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Tests.Infrastructure;

namespace SocialDomain.Web.Tests.Features.Overview;

/// <summary>
/// The overview computed from each KPI's <see cref="MeasurementWindow"/> shows exactly what it shows when computed from
/// the whole history (docs/adr/0015-windowed-overview-reads.md): after every kind of change, and over random sequences
/// of changes, for staff (live) and for the public (the published snapshot, with its changed-after-publication marks).
/// </summary>
public class MeasurementWindowTests(TestDatabase database) : DatabaseTest(database)
{
    private static readonly SourceReference Source = new("000", "test");

    private static readonly KpiDirection[] Directions = [KpiDirection.HigherIsBetter, KpiDirection.LowerIsBetter, KpiDirection.Informative];

    private enum Change { Measurement, Correction, Target, Definition, Publication, Corrigendum, Commentary }

    [Fact]
    public async Task WindowedOverview_EqualsTheWholeHistory_AfterEveryKindOfChange()
    {
        var random = new Random(21);
        await ArrangeAsync(random, kpis: 4);
        var clock = new TestClock();
        foreach (var change in Enum.GetValues<Change>())
        {
            await ApplyAsync(change, random, clock);
            await AssertWindowEqualsWholeHistoryAsync(random, because: change.ToString());
        }
    }

    [Fact]
    public async Task WindowedOverview_EqualsTheWholeHistory_OverRandomChangeSequences()
    {
        var random = new Random(20211);
        await ArrangeAsync(random, kpis: 6);
        var clock = new TestClock();
        var kinds = Enum.GetValues<Change>();
        for (var step = 0; step < 60; step++)
        {
            var change = kinds[random.Next(kinds.Length)];
            await ApplyAsync(change, random, clock);
            await AssertWindowEqualsWholeHistoryAsync(random, because: $"step {step}: {change}");
        }
    }

    private async Task ArrangeAsync(Random random, int kpis)
    {
        await using var db = Database.CreateContext();
        for (var i = 0; i < kpis; i++)
        {
            var kpi = new Kpi
            {
                Code = $"W{i}", Name = $"Venster {i}", Definition = "Test.", Unit = i % 2 == 0 ? KpiUnit.Percent : KpiUnit.Count,
                Direction = Directions[i % Directions.Length], Frequency = KpiFrequency.Quarter, Domain = SocialDomainArea.Wmo, Owner = "Team", Source = Source,
                LegalNorm = i % 2 == 0 ? 80m : null,
            };
            kpi.Targets.Add(new KpiTarget { Version = 1, ValidFromYear = 2012, TargetValue = 50m + i, ChangedBy = "test", Source = Source });
            db.Kpis.Add(kpi);
        }

        // A KPI whose previous comparable value lies beyond the window: eleven bounds between it and the current value.
        var bounded = new Kpi
        {
            Code = "WB", Name = "Venster met grenzen", Definition = "Test.", Unit = KpiUnit.Count, Direction = KpiDirection.HigherIsBetter,
            Frequency = KpiFrequency.Quarter, Domain = SocialDomainArea.Jeugd, Owner = "Team", Source = Source,
        };
        bounded.Targets.Add(new KpiTarget { Version = 1, ValidFromYear = 2009, TargetValue = 30m, ChangedBy = "test", Source = Source });
        bounded.Measurements.Add(new KpiMeasurement { Year = 2009, Quarter = 1, Value = 10m, Status = MeasurementStatus.Final, Source = Source });
        for (var q = 0; q < 11; q++)
        {
            bounded.Measurements.Add(new KpiMeasurement
            {
                Year = 2009 + ((q + 1) / 4), Quarter = ((q + 1) % 4) + 1, Value = 20m + q, Bound = ValueBound.AtLeast, Status = MeasurementStatus.Final, Source = Source,
            });
        }

        bounded.Measurements.Add(new KpiMeasurement { Year = 2012, Quarter = 1, Value = 40m, Status = MeasurementStatus.Final, Source = Source });
        db.Kpis.Add(bounded);
        await db.SaveChangesAsync();

        // Long histories (more than a window), with gaps, years and periods that do not count in a trend.
        for (var i = 0; i < kpis * 25; i++)
        {
            await AddMeasurementAsync(db, random);
        }
    }

    private static async Task AddMeasurementAsync(SocialDomainDbContext db, Random random)
    {
        var kpiIds = await db.Kpis.Select(k => k.Id).ToListAsync();
        var year = random.Next(2012, 2022);
        var precision = random.Next(10) switch { 0 => PeriodPrecision.Month, 1 => PeriodPrecision.Span, 2 => PeriodPrecision.Undated, _ => PeriodPrecision.Exact };
        int? quarter = precision == PeriodPrecision.Month ? random.Next(1, 5) : random.Next(6) == 0 ? null : random.Next(1, 5);
        int? detail = precision switch { PeriodPrecision.Month => ((quarter!.Value - 1) * 3) + 1, PeriodPrecision.Span => year - 2, _ => null };
        var kpiId = kpiIds[random.Next(kpiIds.Count)];
        if (await db.KpiMeasurements.AnyAsync(m => m.KpiId == kpiId && m.Year == year && m.Quarter == quarter))
        {
            return;
        }

        db.KpiMeasurements.Add(new KpiMeasurement
        {
            KpiId = kpiId, Year = year, Quarter = quarter, Value = random.Next(20, 120), PeriodPrecision = precision, PeriodDetail = detail,
            Bound = random.Next(8) == 0 ? ValueBound.AtLeast : ValueBound.Exact, Status = MeasurementStatus.Final, IsSynthetic = random.Next(2) == 0, Source = Source,
        });
        await db.SaveChangesAsync();
    }

    private async Task ApplyAsync(Change change, Random random, TestClock clock)
    {
        clock.Advance(TimeSpan.FromHours(1));
        await using var db = Database.CreateContext();
        var kpis = await db.Kpis.Include(k => k.Targets).OrderBy(k => k.Id).ToListAsync();
        var kpi = kpis[random.Next(kpis.Count)];
        switch (change)
        {
            case Change.Measurement:
                await AddMeasurementAsync(db, random);
                return;
            case Change.Correction:
                var measurement = await db.KpiMeasurements.OrderBy(m => m.Id).Skip(random.Next(await db.KpiMeasurements.CountAsync())).FirstAsync();
                measurement.Value += random.Next(-15, 16);
                break;
            case Change.Target:
                kpi.Targets.Add(new KpiTarget
                {
                    Version = kpi.Targets.Max(t => t.Version) + 1, ValidFromYear = random.Next(2013, 2022), ValidFromQuarter = random.Next(2) == 0 ? null : random.Next(1, 5),
                    TargetValue = random.Next(30, 110), DeadlineYear = random.Next(2) == 0 ? null : 2024, ChangedBy = "test", ChangedAt = clock.GetUtcNow(), ChangeReason = "Bijgesteld", Source = Source,
                });
                break;
            case Change.Definition:
                kpi.Direction = Directions[random.Next(Directions.Length)];
                kpi.LegalNorm = kpi.Unit == KpiUnit.Percent ? random.Next(60, 95) : null;
                break;
            case Change.Publication:
            case Change.Corrigendum:
                var quarter = await RandomQuarterWithDataAsync(db, random);
                await QuarterPublisher.PublishAsync(db, quarter, "test", null, clock, note: change == Change.Corrigendum ? "Correctie" : null);
                return;
            case Change.Commentary:
                var commented = await RandomQuarterWithDataAsync(db, random);
                db.KpiCommentaries.Add(new KpiCommentary
                {
                    KpiId = kpi.Id, Year = commented.Year, Quarter = commented.Quarter!.Value, Text = "Toelichting " + random.Next(1000).ToString(CultureInfo.InvariantCulture),
                    Status = CommentaryStatus.Published, Author = "test", UpdatedAt = clock.GetUtcNow(), PublishedAt = clock.GetUtcNow(),
                });
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    // One commentary per KPI and quarter: this KPI already has one.
                }

                return;
        }

        await db.SaveChangesAsync();
    }

    private static async Task<Period> RandomQuarterWithDataAsync(SocialDomainDbContext db, Random random)
    {
        var quarters = await OverviewQuery.QuartersWithDataAsync(db, CancellationToken.None);
        return quarters[random.Next(quarters.Count)];
    }

    private async Task AssertWindowEqualsWholeHistoryAsync(Random random, string because)
    {
        await using var db = Database.CreateContext();
        var withData = await OverviewQuery.QuartersWithDataAsync(db, CancellationToken.None);
        withData.Should().Equal(OverviewQuery.QuartersWithData(await OverviewQuery.LoadMeasurementsAsync(db, CancellationToken.None)), because);

        var published = await db.QuarterPublications.Select(p => new { p.Year, p.Quarter }).Distinct().ToListAsync();
        var quarters = new List<string?> { null, "2012-K1", withData[random.Next(withData.Count)].ToString(), withData[^1].ToString() };
        quarters.AddRange(published.Select(p => Period.OfQuarter(p.Year, p.Quarter).ToString()));
        foreach (var quarter in quarters)
        {
            foreach (var staff in new[] { true, false })
            {
                var windowed = OverviewReport.Build(await OverviewQuery.LoadAsync(db, quarter, staff, CancellationToken.None), staff);
                var whole = OverviewReport.Build(await OverviewQuery.LoadAsync(db, quarter, staff, CancellationToken.None, fullHistory: true), staff);
                windowed.SelectedQuarter.Should().Be(whole.SelectedQuarter);
                windowed.Rows.Select(Shown).Should().Equal(whole.Rows.Select(Shown), $"{because}, quarter {quarter ?? "latest"}, staff {staff}");

                // One domain's rows (OverviewSection): the other KPIs are read up to their latest measurement only, and
                // still count with the status the whole history gives them.
                foreach (var domain in new[] { "wmo", "jeugd" })
                {
                    var section = OverviewReport.Build(await OverviewQuery.LoadAsync(db, quarter, staff, CancellationToken.None, section: new OverviewSectionRequest("geen", domain)), staff);
                    var context = $"{because}, quarter {quarter ?? "latest"}, staff {staff}, domain {domain}";
                    section.Rows.Select(Shown).Should().Equal(whole.Rows.Where(r => Vocabulary.Domains.Token(r.Domain) == domain).Select(Shown), context);
                    Statuses(section).Should().Equal(Statuses(whole), context);
                    section.Programmes.Select(p => p.Counts).Should().Equal(whole.Programmes.Select(p => p.Counts), context);
                    (section.MeasuredInQuarter, section.LatestMeasurement).Should().Be((whole.MeasuredInQuarter, whole.LatestMeasurement), context);
                }
            }
        }
    }

    /// <summary>Every KPI's status and its reason, shown or not.</summary>
    private static IEnumerable<string> Statuses(OverviewReport report) =>
        report.Programmes.SelectMany(p => p.Domains).SelectMany(d => d.Kpis).Select(r => $"{r.Code} {r.Status} {r.StatusReason}");

    /// <summary>Everything the overview page shows of a row.</summary>
    private static string Shown(KpiRow row)
    {
        var e = row.Evaluation;
        return string.Join(" | ",
            row.Code, row.Status, row.StatusReason, row.Target?.Version, row.Target?.Value,
            e.Current?.Period, e.Current?.Value, e.Current?.Bound, e.Current?.IsSynthetic, e.Current?.Status, e.CurrentIsFromEarlierPeriod,
            e.Previous?.Period, e.ChangeAbsolute, e.ChangePercent, e.Judgement?.Status, row.LegalNormMet,
            row.Sparkline is { } s ? string.Join(",", s.Labels) + ":" + string.Join(",", s.Values) + ":" + s.Description : "geen",
            row.Correction, row.CommentaryFirstLine, row.Addendum?.Text);
    }
}
