using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Overview;

/// <summary>
/// Which quarter the overview shows: the requested one when the reader may see it, otherwise the latest, with the
/// reason why the request was not followed (<see cref="Problem"/>). Staff may see every quarter with data, the
/// public and council members the published quarters only.
/// </summary>
/// <param name="Problem">Why the requested quarter is not shown, e.g. "Kwartaal 2021-K1 is niet beschikbaar (niet
/// gepubliceerd)"; null when it is (or none was requested).</param>
public sealed record OverviewSelection(IReadOnlyList<Period> Quarters, Period? Quarter, string? Problem)
{
    private const string PageFallback = "; het laatste kwartaal wordt getoond.";

    /// <summary>The page's notice: it shows the latest quarter instead.</summary>
    public string? PageMessage => Problem is null ? null : Problem + PageFallback;

    /// <summary>The export's error: a download must not silently contain another quarter.</summary>
    public string? ExportMessage => Problem is null ? null : Problem + ".";

    /// <summary>The requested quarter, or null when the text is empty or not a quarter.</summary>
    public static Period? Parse(string? quarterText) => Period.TryParse(quarterText, out var parsed) && parsed.IsQuarter ? parsed : null;

    public static OverviewSelection Choose(
        string? quarterText, IEnumerable<Period> published, IReadOnlyDictionary<int, List<MeasurementPoint>> measurements, bool showsUnpublished)
    {
        var publishedQuarters = published.ToList();
        var quarters = showsUnpublished
            ? OverviewQuery.QuartersWithData(measurements).Union(publishedQuarters).OrderDescending().ToList()
            : publishedQuarters.OrderDescending().ToList();
        if (quarters.Count == 0)
        {
            return new OverviewSelection(quarters, null, null);
        }

        var requested = Parse(quarterText);
        if (quarterText is { Length: > 0 } && (requested is null || !quarters.Contains(requested.Value)))
        {
            var problem = requested is null
                ? $"'{quarterText}' is geen kwartaal (gebruik bijvoorbeeld 2020-K3)"
                : $"Kwartaal {requested} is niet beschikbaar{(showsUnpublished ? "" : " (niet gepubliceerd)")}";
            return new OverviewSelection(quarters, quarters[0], problem);
        }

        return new OverviewSelection(quarters, requested ?? quarters[0], null);
    }
}

/// <summary>The trend of a KPI up to the quarter: axis labels, values and the text a screen reader gets instead of the chart.</summary>
public sealed record Sparkline(IReadOnlyList<string> Labels, IReadOnlyList<decimal> Values, string Description)
{
    /// <summary>The sparkline of a KPI's measurements up to the quarter; null with fewer than two (the page says "te weinig metingen").</summary>
    public static Sparkline? Of(IReadOnlyList<MeasurementPoint> seriesUpTo, KpiUnit unit) =>
        seriesUpTo.Count < 2
            ? null
            : new Sparkline(
                seriesUpTo.Select(p => p.Period.ToString()).ToList(),
                seriesUpTo.Select(p => p.Value).ToList(),
                "Verloop: " + string.Join(", ", seriesUpTo.Select(p => $"{p.Period} {DutchFormat.Value(p.Value, unit)}")));
}

/// <summary>One KPI at the selected quarter, as the overview shows it.</summary>
/// <param name="Correction">"gewijzigd na publicatie: nu …, bij publicatie …" when the published figure was changed since.</param>
public sealed record KpiRow(
    string Code,
    string Name,
    KpiUnit Unit,
    SocialDomainArea Domain,
    string? ProgrammeCode,
    string? ProgrammeName,
    TargetVersion? Target,
    KpiEvaluationResult Evaluation,
    string? CommentaryFirstLine,
    bool CommentaryIsSynthetic,
    string? Correction)
{
    /// <summary>The trend column: the measurements up to the quarter as shown (frozen for the public).</summary>
    public Sparkline? Sparkline { get; } = Sparkline.Of(Evaluation.SeriesUpTo, Unit);
}

public sealed record DomainGroup(SocialDomainArea Domain, IReadOnlyList<KpiRow> Kpis);

public sealed record ProgrammeGroup(string? Code, string? Name, IReadOnlyList<DomainGroup> Domains);

/// <summary>
/// The Kwartaaloverzicht of one quarter for one reader: every KPI grouped by programme and domain, with status,
/// change, trend series, commentary and changed-after-publication marks. The public and council members see the
/// published quarter frozen as published; staff see live figures.
/// </summary>
public sealed record OverviewReport(
    OverviewSelection Selection,
    IReadOnlyList<ProgrammeGroup> Programmes,
    DateTimeOffset? PublishedAt,
    Period? LatestMeasurement,
    int MeasuredInQuarter,
    int KpiCount,
    bool HasSyntheticData,
    bool ShowsUnpublished)
{
    /// <summary>The longest commentary line the overview shows.</summary>
    public const int CommentaryLength = 200;

    public Period? SelectedQuarter => Selection.Quarter;

    /// <summary>Every KPI row in page order.</summary>
    public IEnumerable<KpiRow> Rows => Programmes.SelectMany(p => p.Domains).SelectMany(d => d.Kpis);

    /// <summary>Pure: the overview from what <see cref="OverviewQuery.LoadAsync"/> read.</summary>
    public static OverviewReport Build(OverviewData data, bool showsUnpublished)
    {
        var hasSynthetic = data.Measurements.Values.Any(s => s.Any(m => m.IsSynthetic));
        if (data.Selection.Quarter is not { } quarter)
        {
            return new OverviewReport(data.Selection, [], null, null, 0, 0, hasSynthetic, showsUnpublished);
        }

        var publication = data.Publications.FirstOrDefault(p => p.Quarter == quarter);
        var frozenFigures = showsUnpublished ? null : publication?.Figures.ToDictionary(f => f.KpiId);
        var rows = data.Kpis.Select(k => Row(k, data.Measurements.GetValueOrDefault(k.Kpi.Id) ?? [], quarter, frozenFigures)).ToList();
        return new OverviewReport(
            data.Selection,
            rows.GroupBy(r => (r.ProgrammeCode, r.ProgrammeName))
                .Select(g => new ProgrammeGroup(g.Key.ProgrammeCode, g.Key.ProgrammeName,
                    g.GroupBy(r => r.Domain).OrderBy(d => d.Key).Select(d => new DomainGroup(d.Key, d.ToList())).ToList()))
                .ToList(),
            publication?.PublishedAt,
            rows.Select(r => r.Evaluation.Current?.Period).Where(p => p is not null).DefaultIfEmpty().Max(),
            rows.Count(r => r.Evaluation.Current is not null && !r.Evaluation.CurrentIsFromEarlierPeriod),
            data.Kpis.Count,
            hasSynthetic,
            showsUnpublished);
    }

    /// <summary>
    /// One KPI at the quarter: live, or (with <paramref name="frozenFigures"/>) as published, a later change marked
    /// rather than silently shown.
    /// </summary>
    public static KpiRow Row(OverviewKpi k, IReadOnlyList<MeasurementPoint> series, Period quarter, IReadOnlyDictionary<int, FrozenFigure>? frozenFigures)
    {
        var kpi = k.Kpi;
        var target = k.TargetAt(quarter);
        var terms = target?.Terms;
        var live = KpiEvaluation.Evaluate(kpi.Rule, terms, series, quarter);
        var evaluation = live;
        string? correction = null;
        var comment = k.CommentaryOf(quarter);
        var commentText = comment?.Text;
        var commentSynthetic = comment?.IsSynthetic ?? false;
        if (frozenFigures is not null)
        {
            var figure = frozenFigures.GetValueOrDefault(kpi.Id);
            commentText = figure?.Commentary;
            commentSynthetic = commentText is not null && (comment?.IsSynthetic ?? false);
            if (figure?.Value is { } value && figure.MeasurementYear is { } year)
            {
                var period = new Period(year, figure.MeasurementQuarter);
                var original = series.FirstOrDefault(m => m.Period == period);
                var frozenSeries = series.Where(m => m.Period != period)
                    .Append(new MeasurementPoint(period, value, original?.Status ?? MeasurementStatus.Final, original?.IsSynthetic ?? false))
                    .ToList();
                evaluation = KpiEvaluation.Evaluate(kpi.Rule, terms, frozenSeries, quarter);
                if (Visibility.IsChangedSincePublication(live.Current, period, value))
                {
                    correction = Correction(live.Current!, kpi.Unit, DutchFormat.Value(value, kpi.Unit));
                }
            }
            else if (figure is null || figure.Value is null)
            {
                evaluation = KpiEvaluation.Evaluate(kpi.Rule, terms, [], quarter);
                if (Visibility.IsChangedSincePublication(live.Current, null, null))
                {
                    correction = Correction(live.Current!, kpi.Unit, "geen meting");
                }
            }
        }

        return new KpiRow(kpi.Code, kpi.Name, kpi.Unit, kpi.Domain, kpi.ProgrammeCode, kpi.ProgrammeName, target, evaluation,
            commentText is null ? null : FirstLine(commentText), commentSynthetic, correction);
    }

    private static string Correction(MeasurementPoint now, KpiUnit unit, string atPublication) =>
        $"gewijzigd na publicatie: nu {DutchFormat.Value(now.Value, unit)} ({now.Period}), bij publicatie {atPublication}";

    /// <summary>The first line of a commentary, cut at <see cref="CommentaryLength"/> characters.</summary>
    public static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= CommentaryLength ? line : line[..CommentaryLength].TrimEnd() + "…";
    }
}
