using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;

namespace SocialDomain.Web.Features.Kpis;

/// <summary>
/// One target version as the table under the KPI chart annotates it: from when it applies, its value and deadline, and
/// the decision it rests on. <paramref name="InChart"/> is false when the version is not in force in any period on the
/// chart's axis (it starts after the last one, or a later version with an earlier start replaced it).
/// </summary>
public sealed record TargetChange(Period ValidFrom, int Version, decimal Value, Period? Deadline, Period? BaselinePeriod, decimal? BaselineValue,
    string Decision, bool InChart);

/// <summary>
/// The KPI page's chart: Chart.js configuration, the annotation rows of the target versions, the unit for tooltips and
/// ticks (<see cref="ChartAxis.UnitKey"/>) and where the value axis starts (<see cref="Axis"/>, also said in the text).
/// </summary>
public sealed record KpiChartModel(IReadOnlyList<string> Labels, IReadOnlyList<object> Datasets, IReadOnlyList<TargetChange> TargetChanges,
    string Unit, ChartAxis Axis)
{
    /// <summary>The Chart.js configuration (line chart, legend below, value axis from <see cref="Axis"/>).</summary>
    public object Config => new
    {
        type = "line",
        data = new { labels = Labels, datasets = Datasets },
        options = new
        {
            plugins = new { legend = new { position = "bottom" } },
            scales = new { y = new { min = Axis.Min, beginAtZero = Axis.Min == 0 } },
        },
    };
}

/// <summary>
/// Builds the series of the KPI chart (pure): the measurements, the target as a step line of its versions (each period
/// shows the version in force then, <see cref="TargetInForce"/>; nothing before the first version's start), markers
/// for baselines and deadlines on the axis, the legal norm, the projection, and the published quarters.
/// </summary>
public static class KpiChart
{
    public const string MeasurementLabel = "Meting";

    public const string TargetLabel = "Streefwaarde (per versie)";

    public const string PublishedLabel = "Gepubliceerd kwartaal";

    public static KpiChartModel Build(KpiDetailReport report)
    {
        var kpi = report.Kpi;
        var periods = report.ChartPeriods();
        var labels = periods.Select(p => p.ToString()).ToList();
        var values = periods.Select(p => report.Measurements.FirstOrDefault(m => m.MeasuredPeriod == p)?.Value).ToList();
        var datasets = new List<object>
        {
            new { label = MeasurementLabel, data = values, borderColor = "#00467f", backgroundColor = "#00467f", borderWidth = 3, spanGaps = true, pointRadius = 4 },
        };

        // A year on the axis is judged in its last quarter (as the overview does), so the version shown is the one in force then.
        var inForce = periods.Select(p => TargetVersion.InForce(report.TargetHistory, QuarterOrdinal.EndQuarter(p))).ToList();
        if (inForce.Any(t => t is not null))
        {
            datasets.Add(new
            {
                label = TargetLabel,
                data = inForce.Select(t => t?.TargetValue),
                targetVersions = inForce.Select(t => t?.Version),
                stepped = "after",
                borderColor = "#1d6b2f",
                backgroundColor = "#1d6b2f",
                borderDash = new[] { 6, 4 },
                borderWidth = 2,
                // A value without a neighbour draws no line: it gets a short horizontal mark instead.
                pointRadius = inForce.Select((t, i) => t is not null && inForce.ElementAtOrDefault(i - 1) is null && inForce.ElementAtOrDefault(i + 1) is null ? 10 : 0),
                pointStyle = "line",
                referenceLine = true,
            });
        }

        // With one period on the axis, wwwroot/js/charts.js draws the datasets marked referenceLine across the chart.
        var baselines = periods.Select(p => report.TargetHistory.LastOrDefault(t => t.BaselinePeriod == p)?.BaselineValue).ToList();
        if (baselines.Any(b => b is not null))
        {
            datasets.Add(new { label = "Nulmeting", data = baselines, showLine = false, pointStyle = "rectRot", pointRadius = 7, borderColor = "#5b2a86", backgroundColor = "#5b2a86" });
        }

        var deadlines = periods.Select(p => report.TargetHistory.LastOrDefault(t => t.Deadline == p)?.TargetValue).ToList();
        if (deadlines.Any(d => d is not null))
        {
            datasets.Add(new { label = "Deadline streefwaarde", data = deadlines, showLine = false, pointStyle = "triangle", pointRadius = 8, borderColor = "#1d6b2f", backgroundColor = "#1d6b2f" });
        }

        if (kpi.LegalNorm is { } legalNorm)
        {
            datasets.Add(new { label = "Wettelijke norm", data = periods.Select(_ => (decimal?)legalNorm), borderColor = "#b00020", borderDash = new[] { 2, 3 }, borderWidth = 2, pointRadius = 0, referenceLine = true });
        }

        var projection = new List<decimal?>();
        if (report.Evaluation?.Projection is { Trend: { } trend } projected && projected.Verdict is not ProjectionVerdict.NotApplicable)
        {
            var fromPeriod = trend.Last;
            projection = periods.Select(p => p.HasSameGranularity(fromPeriod) && p >= fromPeriod ? (decimal?)Math.Round(trend.ValueAt(p), 2) : null).ToList();
            datasets.Add(new
            {
                label = "Prognose (huidige trend)",
                data = projection,
                borderColor = "#8a5300", borderDash = new[] { 4, 4 }, borderWidth = 2, pointRadius = 0, spanGaps = true,
            });
        }

        // A period is marked published when the quarter it counts in was published (the marker sits on its measurement).
        var published = periods.Select((p, i) => report.PublishedQuarters.Contains(QuarterOrdinal.EndQuarter(p)) ? values[i] : null).ToList();
        if (published.Any(v => v is not null))
        {
            datasets.Add(new { label = PublishedLabel, data = published, showLine = false, pointStyle = "star", pointRadius = 9, borderColor = "#1b1b1b", backgroundColor = "#1b1b1b" });
        }

        var shown = inForce.Where(t => t is not null).Select(t => t!.Version).ToHashSet();
        var changes = report.TargetHistory
            .OrderBy(t => TargetInForce.StartQuarter(t.ValidFrom)).ThenBy(t => t.Version)
            .Select(t => new TargetChange(t.ValidFrom, t.Version, t.TargetValue, t.Deadline, t.BaselinePeriod, t.BaselineValue, DecisionText(t), shown.Contains(t.Version)))
            .ToList();
        var plotted = values.Concat(inForce.Select(t => t?.TargetValue)).Concat(baselines).Concat(deadlines).Concat(projection)
            .Append(kpi.LegalNorm).OfType<decimal>();
        return new KpiChartModel(labels, datasets, changes, ChartAxis.UnitKey(kpi.Unit), ChartAxis.For(kpi.Unit, plotted));
    }

    /// <summary>The decision of a version in words: body, date and document, or what the sources leave open.</summary>
    public static string DecisionText(TargetVersion t)
    {
        var parts = new List<string>();
        if (t.DecidedByLabel is { } body)
        {
            parts.Add(body);
        }

        parts.Add(t.DecisionDate is { } date ? "besloten op " + date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture) : "besluitdatum onbekend");
        if (t.DecisionDocument is { } document)
        {
            parts.Add(document);
        }

        return string.Join(", ", parts);
    }
}
