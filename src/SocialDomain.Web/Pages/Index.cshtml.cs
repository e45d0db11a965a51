using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Pages;

/// <summary>
/// Kwartaaloverzicht: every KPI at the chosen quarter, grouped by programme and domain. The public
/// and council members see published quarters only, frozen as published; staff also see the
/// quarters that are not published yet.
/// </summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class IndexModel(SocialDomainDbContext db) : PageModel
{
    /// <summary>The requested quarter, e.g. "2020-K3"; empty = the latest available quarter.</summary>
    [BindProperty(SupportsGet = true, Name = "kwartaal")]
    public string? Quarter { get; set; }

    public Period? SelectedQuarter { get; private set; }

    public IReadOnlyList<Period> Quarters { get; private set; } = [];

    public IReadOnlyList<ProgrammeGroup> Programmes { get; private set; } = [];

    public Period? LatestMeasurement { get; private set; }

    public int MeasuredInQuarter { get; private set; }

    public int KpiCount { get; private set; }

    public string? QuarterMessage { get; private set; }

    public bool HasSyntheticData { get; private set; }

    /// <summary>When the selected quarter was published; null while it is a draft (staff only).</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public bool ShowsUnpublished { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ShowsUnpublished = Roles.MaySeeUnpublished(User);
        var requested = Period.TryParse(Quarter, out var parsed) && parsed.IsQuarter ? parsed : (Period?)null;

        // Round trip 1: the publications, with the frozen figures of only the quarter the public will see: the requested
        // quarter when it is published, otherwise the latest. Staff see live figures and need none.
        var frozenWanted = !ShowsUnpublished;
        int? requestedYear = requested?.Year;
        int? requestedQuarter = requested?.Quarter;
        var publications = await db.QuarterPublications.AsNoTracking()
            .Select(p => new
            {
                p.Year,
                p.Quarter,
                p.PublishedAt,
                Figures = p.Figures
                    .Where(f => frozenWanted
                        && ((p.Year == requestedYear && p.Quarter == requestedQuarter)
                            || (!db.QuarterPublications.Any(x => x.Year == requestedYear && x.Quarter == requestedQuarter)
                                && (p.Year * 4) + p.Quarter == db.QuarterPublications.Max(x => (x.Year * 4) + x.Quarter))))
                    .Select(f => new { f.KpiId, f.MeasurementYear, f.MeasurementQuarter, f.Value, f.Commentary })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        // Round trip 2: all measurements.
        var measurements = await QuarterData.LoadMeasurementsAsync(db, cancellationToken);

        var published = publications.ToDictionary(p => Period.OfQuarter(p.Year, p.Quarter));
        Quarters = ShowsUnpublished
            ? QuarterData.QuartersWithData(measurements).Union(published.Keys).OrderDescending().ToList()
            : published.Keys.OrderDescending().ToList();
        HasSyntheticData = measurements.Values.Any(s => s.Any(m => m.IsSynthetic));
        if (Quarters.Count == 0)
        {
            return;
        }

        if (Quarter is { Length: > 0 } && (requested is null || !Quarters.Contains(requested.Value)))
        {
            QuarterMessage = requested is null
                ? $"'{Quarter}' is geen kwartaal (gebruik bijvoorbeeld 2020-K3); het laatste kwartaal wordt getoond."
                : $"Kwartaal {requested} is niet beschikbaar{(ShowsUnpublished ? "" : " (niet gepubliceerd)")}; het laatste kwartaal wordt getoond.";
            requested = null;
        }

        var quarter = requested ?? Quarters[0];
        SelectedQuarter = quarter;
        var frozen = published.GetValueOrDefault(quarter);
        PublishedAt = frozen?.PublishedAt;
        var frozenFigures = frozen?.Figures.ToDictionary(f => f.KpiId);

        // Round trip 3: the KPIs with the target in force and the published commentary of this quarter.
        var kpis = await QuarterData.LoadKpisAsync(db, quarter, cancellationToken);
        KpiCount = kpis.Count;

        var rows = kpis.Select(k =>
        {
            var series = measurements.GetValueOrDefault(k.Id) ?? [];
            var live = KpiEvaluation.Evaluate(k.Rule, k.Target, series, quarter);
            var evaluation = live;
            string? correction = null;
            var comment = k.PublishedCommentary.FirstOrDefault(c => c.Year == quarter.Year && c.Quarter == quarter.Quarter);
            string? commentText = comment.Text;
            var commentSynthetic = comment.IsSynthetic;
            if (frozenFigures is not null && !ShowsUnpublished)
            {
                // The council sees the quarter as it was published; a later correction is marked, not silently shown.
                var figure = frozenFigures.GetValueOrDefault(k.Id);
                commentText = figure?.Commentary;
                commentSynthetic = commentText is not null && comment.IsSynthetic;
                if (figure?.Value is { } value && figure.MeasurementYear is { } year)
                {
                    var period = new Period(year, figure.MeasurementQuarter);
                    var original = series.FirstOrDefault(m => m.Period == period);
                    var frozenSeries = series.Where(m => m.Period != period)
                        .Append(new MeasurementPoint(period, value, original?.Status ?? MeasurementStatus.Final, original?.IsSynthetic ?? false))
                        .ToList();
                    evaluation = KpiEvaluation.Evaluate(k.Rule, k.Target, frozenSeries, quarter);
                    if (live.Current is { } now && (now.Period != period || now.Value != value))
                    {
                        correction = $"gewijzigd na publicatie: nu {DutchFormatValue(now.Value, k.Unit)} ({now.Period}), bij publicatie {DutchFormatValue(value, k.Unit)}";
                    }
                }
                else if (figure is null || figure.Value is null)
                {
                    evaluation = KpiEvaluation.Evaluate(k.Rule, k.Target, [], quarter);
                    if (live.Current is { } now)
                    {
                        correction = $"gewijzigd na publicatie: nu {DutchFormatValue(now.Value, k.Unit)} ({now.Period}), bij publicatie geen meting";
                    }
                }
            }

            return new KpiRow(k.Code, k.Name, k.Unit, k.Domain, k.ProgrammeCode, k.ProgrammeName, k.Target, evaluation,
                commentText is null ? null : FirstLine(commentText), commentSynthetic, correction);
        }).ToList();

        LatestMeasurement = rows.Select(r => r.Evaluation.Current?.Period).Where(p => p is not null).DefaultIfEmpty().Max();
        MeasuredInQuarter = rows.Count(r => r.Evaluation.Current is not null && !r.Evaluation.CurrentIsFromEarlierPeriod);
        Programmes = rows.GroupBy(r => (r.ProgrammeCode, r.ProgrammeName))
            .Select(g => new ProgrammeGroup(g.Key.ProgrammeCode, g.Key.ProgrammeName,
                g.GroupBy(r => r.Domain).OrderBy(d => d.Key).Select(d => new DomainGroup(d.Key, d.ToList())).ToList()))
            .ToList();
    }

    private static string DutchFormatValue(decimal value, KpiUnit unit) => Core.Calculations.DutchFormat.Value(value, unit);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200].TrimEnd() + "…";
    }

    public sealed record ProgrammeGroup(string? Code, string? Name, IReadOnlyList<DomainGroup> Domains);

    public sealed record DomainGroup(SocialDomainArea Domain, IReadOnlyList<KpiRow> Kpis);

    public sealed record KpiRow(
        string Code,
        string Name,
        KpiUnit Unit,
        SocialDomainArea Domain,
        string? ProgrammeCode,
        string? ProgrammeName,
        TargetInfo? Target,
        KpiEvaluationResult Evaluation,
        string? CommentaryFirstLine,
        bool CommentaryIsSynthetic,
        string? Correction);
}
