using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Security;

namespace SocialDomain.Web.Features.Publication;

/// <summary>What a publication showed of one KPI: the publication's quarter and the measurement it showed (none: null).</summary>
public sealed record PublishedFigureRow(Period Publication, int? MeasurementYear, int? MeasurementQuarter, decimal? Value)
{
    public Period? MeasurementPeriod => MeasurementYear is { } y ? new Period(y, MeasurementQuarter) : null;
}

/// <summary>
/// The one home of publication visibility (ADR 0005), for pages, exports, API and SQL alike: staff
/// (<see cref="Roles.MaySeeUnpublished"/>) see everything; the public and council members see measurements up to
/// the latest published quarter (a year counts from its fourth quarter, <see cref="QuarterOrdinal"/>) and the
/// published commentary of published quarters only. A value that differs from the first publication that showed its
/// period was changed after publication.
/// </summary>
public static class Visibility
{
    public static bool MaySeeUnpublished(ClaimsPrincipal user) => Roles.MaySeeUnpublished(user);

    /// <summary>Every published quarter, newest first (one round trip).</summary>
    public static async Task<IReadOnlyList<Period>> PublishedQuartersAsync(SocialDomainDbContext db, CancellationToken cancellationToken) =>
        (await db.QuarterPublications.AsNoTracking().Select(p => new { p.Year, p.Quarter }).ToListAsync(cancellationToken))
        .Select(p => Period.OfQuarter(p.Year, p.Quarter)).OrderDescending().ToList();

    /// <summary>The latest published quarter of <paramref name="published"/>; null when none is published.</summary>
    public static Period? LatestPublished(IEnumerable<Period> published) => published.Select(p => (Period?)p).Max();

    /// <summary>True when a period's figure counts in or before the latest published quarter.</summary>
    public static bool IsPublished(Period period, Period? latestPublished) => QuarterOrdinal.IsPublished(period, latestPublished);

    /// <summary>Published commentary of a published quarter, as a query condition (what the public and council members see).</summary>
    public static Expression<Func<KpiCommentary, bool>> PublishedCommentary(SocialDomainDbContext db) =>
        c => c.Status == CommentaryStatus.Published && db.QuarterPublications.Any(p => p.Year == c.Year && p.Quarter == c.Quarter);

    /// <summary>True when a quarter's commentary may be shown to the public: its quarter is published.</summary>
    public static bool IsPublishedQuarter(Period quarter, IReadOnlySet<Period> publishedQuarters) => publishedQuarters.Contains(quarter);

    /// <summary>The value the first publication showed for each period (later publications may show a corrected value).</summary>
    public static IReadOnlyDictionary<Period, decimal> FirstPublishedValues(IEnumerable<PublishedFigureRow> figures) =>
        figures.Where(f => f.MeasurementPeriod is not null && f.Value is not null)
            .GroupBy(f => f.MeasurementPeriod!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Publication).First().Value!.Value);

    /// <summary>True when a publication showed another value for this period than it has now.</summary>
    public static bool IsChangedAfterPublication(decimal value, decimal? publishedValue) => publishedValue is { } published && published != value;

    /// <summary>
    /// True when the figure a quarter shows now (<paramref name="live"/>) is not the one its publication showed: another
    /// period, another value, or a measurement where the publication had none.
    /// </summary>
    public static bool IsChangedSincePublication(MeasurementPoint? live, Period? publishedPeriod, decimal? publishedValue) =>
        live is not null && (publishedValue is null || publishedPeriod is null || live.Period != publishedPeriod || live.Value != publishedValue);

    /// <summary>"2020" or "2020-K3", as <see cref="Period"/> prints it (without its 1900–2200 range check).</summary>
    public static string PeriodText(int year, int? quarter) =>
        quarter is { } q ? string.Create(CultureInfo.InvariantCulture, $"{year}-K{q}") : year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The SQL forms of the same rules, for the raw Npgsql readers of the bulk exports.</summary>
    public static class Sql
    {
        /// <summary>The quarter ordinal of a (year, nullable quarter) pair of columns, as <see cref="QuarterOrdinal.Of(int, int?)"/>.</summary>
        public static string Ordinal(string year, string quarter) => $"({year} * 4 + coalesce({quarter}, 4) - 1)";

        /// <summary>CTE <c>latest(ordinal)</c>: the ordinal of the latest published quarter, −1 when none is published.</summary>
        public static readonly string LatestPublishedCte =
            $"latest AS (SELECT coalesce(max({Ordinal("year", "quarter")}), -1) AS ordinal FROM quarter_publications)";

        /// <summary>Condition: measurement alias <paramref name="measurement"/> counts in a published quarter (needs <see cref="LatestPublishedCte"/>).</summary>
        public static string IsPublished(string measurement) => $"{Ordinal(measurement + ".year", measurement + ".quarter")} <= latest.ordinal";

        /// <summary>
        /// CTE <c>first_published(kpi_id, year, quarter, value)</c>: per KPI and period the value of the first publication
        /// that showed it (quarter 0 for a year), as <see cref="FirstPublishedValues"/>.
        /// </summary>
        public const string FirstPublishedCte = """
            first_published AS (
                SELECT DISTINCT ON (pf.kpi_id, pf.measurement_year, coalesce(pf.measurement_quarter, 0))
                       pf.kpi_id, pf.measurement_year AS year, coalesce(pf.measurement_quarter, 0) AS quarter, pf.value
                FROM published_figures pf
                JOIN quarter_publications qp ON qp.id = pf.publication_id
                WHERE pf.measurement_year IS NOT NULL AND pf.value IS NOT NULL
                ORDER BY pf.kpi_id, pf.measurement_year, coalesce(pf.measurement_quarter, 0), qp.year, qp.quarter
            )
            """;
    }
}
