using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Features.Findings;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Overview;
using SocialDomain.Web.Features.Publication;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Report;

/// <summary>One domain in the report's summary: its status counts and the KPIs that are off course.</summary>
public sealed record ReportDomainSummary(SocialDomainArea Domain, StatusCounts Counts, IReadOnlyList<KpiRow> OffCourse)
{
    public string Name => DutchText.Domain(Domain);
}

/// <summary>
/// A KPI's trend in the report: the measurements up to the quarter as published, the target in force as a line and the
/// projection; <see cref="Rows"/> is the data table printed after the chart.
/// </summary>
public sealed record ReportChart(IReadOnlyList<string> Labels, IReadOnlyList<decimal?> Values, decimal? Target, IReadOnlyList<decimal?> Projection,
    KpiUnit Unit, ChartAxis Axis)
{
    /// <summary>The table after the chart: period, measurement, target, projection (Dutch formatting, "–" when empty).</summary>
    public IEnumerable<(string Period, string Value, string Target, string Projection)> Rows =>
        Labels.Select((label, i) => (label, Text(Values[i]), Text(Target), Text(Projection[i])));

    private string Text(decimal? value) => value is { } v ? DutchFormat.Value(v, Unit) : "–";
}

/// <summary>A KPI in the report: its row as published, its definition, the full commentary, chart and target changes.</summary>
public sealed record ReportKpi(KpiRow Row, KpiDefinition Definition, string? Commentary, ReportChart? Chart, IReadOnlyList<TargetVersion> TargetChanges,
    IReadOnlyList<FindingRecord> Findings)
{
    public string Anchor => "kpi-" + Row.Code.ToLowerInvariant();
}

/// <summary>A programme section of the report.</summary>
public sealed record ReportProgramme(string Title, string Anchor, StatusCounts Counts, IReadOnlyList<ReportKpi> Kpis);

/// <summary>
/// The quarterly council report (issue 20): built from the frozen publication of a quarter (or, for staff, the live
/// figures of a quarter not yet published, marked as concept), so the same quarter and version always give the same
/// report. Pure: the overview data and findings in, sections out.
/// </summary>
public sealed record CouncilReport(
    string Municipality,
    Period Quarter,
    PublicationHeader? Publication,
    IReadOnlyList<PublicationHeader> Versions,
    IReadOnlyList<ReportDomainSummary> Domains,
    IReadOnlyList<ReportProgramme> Programmes,
    IReadOnlyList<KpiDefinition> Definitions,
    IReadOnlyList<Domains.DomainReport> Deviations)
{
    /// <summary>The report of a quarter that is not published: only staff get it, watermarked.</summary>
    public bool IsConcept => Publication is null;

    public const string ConceptMark = "CONCEPT – niet gepubliceerd";

    /// <summary>A KPI's chart and table show at most its last twelve measurements (three years of quarters); the KPI page has them all.</summary>
    public const int ChartPeriods = 12;

    /// <summary>The projection is drawn at most eight periods beyond the last measurement (the verdict above covers the deadline).</summary>
    public const int ProjectionPeriods = 8;

    public string Title => $"Kwartaalrapportage sociaal domein {Municipality}, kwartaal {Quarter}" +
        (Publication is { } p ? $" (versie {p.Version})" : " (concept)");

    /// <summary>"kwartaalrapportage-amsterdam-2020-K3-versie-1.pdf"; "…-concept.pdf" for a concept.</summary>
    public string FileName => $"kwartaalrapportage-{Slug(Municipality)}-{Quarter}-{(Publication is { } p ? $"versie-{p.Version}" : "concept")}.pdf";

    public IEnumerable<ReportKpi> Kpis => Programmes.SelectMany(p => p.Kpis);

    /// <summary>
    /// Who published, as a document filed for everyone may say it: the role, never a login name
    /// (<see cref="Accounts.StaffAttribution"/>); "de import van de brondocumenten" for quarters the seed import published.
    /// </summary>
    public string PublishedBy => Publication is { } p && Accounts.StaffAttribution.Public(p.PublishedBy) == Accounts.StaffAttribution.Import
        ? "de import van de brondocumenten"
        : "een beleidsadviseur";

    /// <summary>Pure: the report from what <see cref="CouncilReportQuery"/> read.</summary>
    public static CouncilReport Build(string municipality, OverviewData data, IReadOnlyList<FindingRecord> findings, IReadOnlyList<Domains.DomainReport> deviations)
    {
        var quarter = data.Selection.Quarter ?? throw new ArgumentException("De rapportage heeft een kwartaal nodig.", nameof(data));
        var overview = OverviewReport.Build(data, showsUnpublished: data.Shown is null);
        var kpis = data.Kpis.ToDictionary(k => k.Kpi.Code, StringComparer.Ordinal);
        var rows = overview.Rows.ToList();

        var domains = rows.GroupBy(r => r.Domain).OrderBy(g => g.Key)
            .Select(g => new ReportDomainSummary(g.Key, StatusCounts.Of(g), g.Where(r => r.Status == KpiStatus.OffTrack).ToList()))
            .ToList();

        var programmes = overview.Programmes.Select(p => new ReportProgramme(p.Title, p.Anchor, p.Counts,
            p.Domains.SelectMany(d => d.Kpis).Select(row => Kpi(row, kpis[row.Code], data, quarter, findings)).ToList())).ToList();

        return new CouncilReport(municipality, quarter, data.Shown, overview.Versions, domains, programmes,
            data.Kpis.Select(k => k.Kpi).OrderBy(k => k.Name, StringComparer.CurrentCulture).ToList(), deviations);
    }

    private static ReportKpi Kpi(KpiRow row, OverviewKpi kpi, OverviewData data, Period quarter, IReadOnlyList<FindingRecord> findings)
    {
        // The full commentary as published (frozen), or the live one in a concept.
        var commentary = row.Published is { } published ? published.Commentary?.Text : kpi.CommentaryOf(quarter)?.Text;
        var changes = kpi.Targets.Where(t => TargetInForce.StartQuarter(t.ValidFrom) == quarter).OrderBy(t => t.Version).ToList();
        return new ReportKpi(row, kpi.Kpi, commentary, Chart(row), changes,
            findings.Where(f => string.Equals(f.KpiCode, row.Code, StringComparison.Ordinal)).ToList());
    }

    /// <summary>The trend as the quarter showed it: the measurements that count up to it, the target in force, the projection; null below two measurements.</summary>
    private static ReportChart? Chart(KpiRow row)
    {
        // A single measurement is no trend: the facts above say it, and no chart is drawn for it.
        var series = row.Evaluation.SeriesUpTo.Where(m => m.CountsInTrend).TakeLast(ChartPeriods).ToList();
        if (series.Count < 2)
        {
            return null;
        }

        var periods = series.Select(m => m.Period).ToList();
        var projection = new List<decimal?>(periods.Select(_ => (decimal?)null));
        if (row.Evaluation.Projection is { Trend: { } trend } projected && projected.Verdict is not ProjectionVerdict.NotApplicable
            && row.Target?.Deadline is { } deadline && deadline.HasSameGranularity(trend.Last) && deadline > trend.Last)
        {
            // From the last measurement to the target's deadline.
            for (var p = trend.Last.Next(); p <= deadline && periods.Count < series.Count + ProjectionPeriods; p = p.Next())
            {
                periods.Add(p);
                projection.Add(null);
            }

            for (var i = 0; i < periods.Count; i++)
            {
                projection[i] = periods[i] >= trend.Last ? Math.Round(trend.ValueAt(periods[i]), 2) : null;
            }
        }

        var values = periods.Select(p => series.FirstOrDefault(m => m.Period == p)?.Value).ToList();
        var target = row.Target?.TargetValue;
        var plotted = values.Concat(projection).Append(target).OfType<decimal>();
        return new ReportChart(periods.Select(p => p.ToString()).ToList(), values, target, projection, row.Unit,
            ChartAxis.For(row.Unit, plotted));
    }

    private static string Slug(string text) =>
        new string(text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-')
            .ToArray()).Trim().Replace(' ', '-');
}
