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

    /// <param name="quartersWithData">The quarters in which some measurement becomes available (staff may choose them).</param>
    public static OverviewSelection Choose(
        string? quarterText, IEnumerable<Period> published, IEnumerable<Period> quartersWithData, bool showsUnpublished)
    {
        var publishedQuarters = published.ToList();
        var quarters = showsUnpublished
            ? quartersWithData.Union(publishedQuarters).OrderDescending().ToList()
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
    /// <summary>Width of the drawing (SVG user units).</summary>
    public const int Width = 100;

    /// <summary>Height of the drawing (SVG user units).</summary>
    public const int Height = 30;

    /// <summary>
    /// The line as SVG polyline points ("0,30 9.1,12.5 …") in a <see cref="Width"/> × <see cref="Height"/> box, the lowest
    /// value at the bottom and the highest at the top (a flat series in the middle): drawn by the server, so 500 KPIs need
    /// no chart script and a few hundred bytes each.
    /// </summary>
    public string Points
    {
        get
        {
            var min = Values.Min();
            var range = Values.Max() - min;
            var step = (decimal)Width / (Values.Count - 1);
            return string.Join(" ", Values.Select((v, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{Math.Round(i * step, 1)},{Math.Round(range == 0 ? Height / 2m : Height - ((v - min) / range * (Height - 2)) - 1, 1)}")));
        }
    }

    /// <summary>
    /// The sparkline of a KPI's latest <see cref="MeasurementWindow.Points"/> measurements up to the quarter; null with
    /// fewer than two (the page says "te weinig metingen"). The whole history is on the KPI's own page.
    /// </summary>
    public static Sparkline? Of(IReadOnlyList<MeasurementPoint> seriesUpTo, KpiUnit unit)
    {
        if (seriesUpTo.Count < 2)
        {
            return null;
        }

        var shown = seriesUpTo.TakeLast(MeasurementWindow.Points).ToList();
        return new Sparkline(
            shown.Select(p => p.Period.ToString()).ToList(),
            shown.Select(p => p.Value).ToList(),
            "Verloop: " + string.Join(", ", shown.Select(p => $"{p.Period} {DutchFormat.Value(p.Value, unit)}")));
    }
}

/// <summary>One KPI at the selected quarter, as the overview shows it.</summary>
/// <param name="Published">The KPI as its publication showed it, with later changes marked; null in the live (staff) view.</param>
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
    PublishedFigureView? Published = null)
{
    /// <summary>The trend column: the measurements up to the quarter as shown (frozen for the public).</summary>
    public Sparkline? Sparkline { get; } = Sparkline.Of(Evaluation.SeriesUpTo, Unit);

    /// <summary>The status shown: as published, or live.</summary>
    public KpiStatus? Status => Published is { } p ? p.Status : Evaluation.Status;

    /// <summary>Why there is no status (empty when there is one).</summary>
    public string StatusReason => Published?.StatusReason ?? Evaluation.StatusReason;

    /// <summary>The legal-norm judgement shown: met, not met, none.</summary>
    public bool? LegalNormMet => Published is { } p ? p.LegalNormMet : Evaluation.LegalNorm?.MeetsNorm;

    /// <summary>Every "gewijzigd na publicatie" mark.</summary>
    public IReadOnlyList<ChangeMark> Changes => Published?.Changes ?? [];

    /// <summary>The marks of one kind (the page shows them in their column).</summary>
    public IEnumerable<ChangeMark> ChangesOf(ChangeKind kind) => Changes.Where(c => c.Kind == kind);

    /// <summary>Every mark as one text, for the CSV; null when nothing changed after publication.</summary>
    public string? Correction => Published?.ChangesText;

    /// <summary>Commentary published after the publication, shown next to the frozen one.</summary>
    public CommentaryAddendum? Addendum => Published?.Addendum;
}

/// <summary>The KPIs of one domain within a programme, with their statuses counted for the summary.</summary>
/// <param name="Shown">Whether the page shows these rows (<see cref="OverviewSection"/>); when not, only their statuses
/// (the counts) are complete: the rows were computed from the latest measurement only.</param>
public sealed record DomainGroup(SocialDomainArea Domain, IReadOnlyList<KpiRow> Kpis, bool Shown = true)
{
    public StatusCounts Counts { get; } = StatusCounts.Of(Kpis);
}

/// <summary>The KPIs of one programme by domain, with their statuses counted for the summary.</summary>
public sealed record ProgrammeGroup(string? Code, string? Name, IReadOnlyList<DomainGroup> Domains)
{
    public StatusCounts Counts { get; } = StatusCounts.Of(Domains.SelectMany(d => d.Kpis));

    /// <summary>Whether the page shows rows of this programme.</summary>
    public bool Shown => Domains.Any(d => d.Shown);

    /// <summary>The programme's <c>programma</c> value (<see cref="OverviewSection.TokenOf"/>).</summary>
    public string Token => OverviewSection.TokenOf(Code);

    /// <summary>The programme's heading: "Programma 2 Zorg", or "Zonder programma".</summary>
    public string Title => Code is null ? "Zonder programma" : $"Programma {Code} {Name}";

    /// <summary>The id of the programme's heading (jump target of the summary).</summary>
    public string Anchor => "programma-" + (Code ?? "geen");

    /// <summary>The id of a domain's heading within the programme.</summary>
    public string AnchorOf(DomainGroup domain) => $"{Anchor}-{domain.Domain}".ToLowerInvariant();
}

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
    bool ShowsUnpublished,
    PublicationHeader? Shown = null,
    PublicationChoice? Publications = null,
    OverviewSection? Section = null)
{
    /// <summary>The longest commentary line the overview shows.</summary>
    public const int CommentaryLength = 200;

    /// <summary>
    /// Up to this many KPIs every programme's section is open; with more (a large KPI set) the sections start closed,
    /// their status counts visible in the summary line, so the page stays usable with 500 KPIs.
    /// </summary>
    public const int OpenUpTo = 60;

    public Period? SelectedQuarter => Selection.Quarter;

    /// <summary>Whose rows the page shows: every row unless the page asked for a <see cref="OverviewSection"/>.</summary>
    public OverviewSection ShownSection => Section ?? OverviewSection.Everything;

    /// <summary>Every KPI row the page shows, in page order (every row unless a <see cref="OverviewSection"/> was asked for).</summary>
    public IEnumerable<KpiRow> Rows => Programmes.SelectMany(p => p.Domains).Where(d => d.Shown).SelectMany(d => d.Kpis);

    /// <summary>Every publication (version) of the selected quarter the reader may see, oldest first.</summary>
    public IReadOnlyList<PublicationHeader> Versions =>
        Publications is { } p && SelectedQuarter is { } q ? p.VersionsOf(q) : [];

    /// <summary>Why a requested stand or version is not followed; null when it is.</summary>
    public string? PublicationProblem =>
        PublicationChoice.Join(Publications?.Problem, Publications is { } p && SelectedQuarter is { } q ? p.VersionProblem(q) : null);

    /// <summary>The stand shown, if one was asked for.</summary>
    public Stand? Stand => Publications?.Stand;

    /// <summary>Pure: the overview from what <see cref="OverviewQuery.LoadAsync"/> read.</summary>
    public static OverviewReport Build(OverviewData data, bool showsUnpublished)
    {
        var hasSynthetic = data.Measurements.Values.Any(s => s.Any(m => m.IsSynthetic));
        var live = data.Shown is null;
        if (data.Selection.Quarter is not { } quarter)
        {
            return new OverviewReport(data.Selection, [], null, null, 0, 0, hasSynthetic, live, null, data.Publications);
        }

        var section = data.Section ?? OverviewSection.Everything;
        var rows = data.Kpis.Select(k => Row(k, data.Measurements.GetValueOrDefault(k.Kpi.Id) ?? [], quarter, data.Shown, data.Publications.Stand))
            .Select(r => data.Windowed ? WithoutProjection(r) : r)
            .ToList();
        return new OverviewReport(
            data.Selection,
            rows.GroupBy(r => (r.ProgrammeCode, r.ProgrammeName))
                .Select(g => new ProgrammeGroup(g.Key.ProgrammeCode, g.Key.ProgrammeName,
                    g.GroupBy(r => r.Domain).OrderBy(d => d.Key).Select(d => new DomainGroup(d.Key, d.ToList(), section.Shows(g.Key.ProgrammeCode, d.Key))).ToList()))
                .ToList(),
            data.Shown?.PublishedAt ?? data.Publications.Shown(quarter)?.PublishedAt,
            rows.Select(r => r.Evaluation.Current?.Period).Where(p => p is not null).DefaultIfEmpty().Max(),
            rows.Count(r => r.Evaluation.Current is not null && !r.Evaluation.CurrentIsFromEarlierPeriod),
            data.Kpis.Count,
            hasSynthetic,
            live && showsUnpublished,
            data.Shown,
            data.Publications,
            section);
    }

    /// <summary>
    /// One KPI at the quarter: live, or (with <paramref name="shown"/>) as that publication froze it, later changes
    /// marked rather than silently shown (<see cref="PublishedFigureView"/>).
    /// </summary>
    public static KpiRow Row(OverviewKpi k, IReadOnlyList<MeasurementPoint> series, Period quarter, PublicationHeader? shown, Stand? stand = null)
    {
        var kpi = k.Kpi;
        var comment = k.CommentaryOf(quarter);
        if (shown is not null)
        {
            var view = PublishedFigureView.Build(kpi, k.Targets, series, quarter, shown, k.Frozen, comment?.At(stand), stand);
            var frozenText = view.Commentary?.Text;
            return new KpiRow(kpi.Code, kpi.Name, view.Unit, kpi.Domain, kpi.ProgrammeCode, kpi.ProgrammeName, view.Target, view.Evaluation,
                frozenText is null ? null : FirstLine(frozenText), frozenText is not null && (comment?.IsSynthetic ?? false), view);
        }

        var target = k.TargetAt(quarter);
        var evaluation = KpiEvaluation.Evaluate(kpi.Rule, target?.Terms, series, quarter);
        return new KpiRow(kpi.Code, kpi.Name, kpi.Unit, kpi.Domain, kpi.ProgrammeCode, kpi.ProgrammeName, target, evaluation,
            comment is null ? null : FirstLine(comment.Text), comment?.IsSynthetic ?? false);
    }

    /// <summary>
    /// A row computed from a <see cref="MeasurementWindow"/>: its projection would rest on part of the history, so it has
    /// none (the overview does not show one; the KPI page and the council report read the whole history).
    /// </summary>
    private static KpiRow WithoutProjection(KpiRow row) => row with { Evaluation = row.Evaluation with { Projection = null } };

    /// <summary>The first line of a commentary, cut at <see cref="CommentaryLength"/> characters.</summary>
    public static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= CommentaryLength ? line : line[..CommentaryLength].TrimEnd() + "…";
    }
}
