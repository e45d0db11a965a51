using System.Globalization;
using System.Linq.Expressions;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Formatting;

namespace SocialDomain.Web.Features.Publication;

/// <summary>One publication of a quarter (version 1, or a corrigendum with its note), without its figures.</summary>
public sealed record PublicationHeader(int Id, Period Quarter, int Version, DateTimeOffset PublishedAt, string PublishedBy, string? Note)
{
    /// <summary>"versie 2 van 12-03-2020".</summary>
    public string Label => $"versie {Version} van {DutchText.ShortDate(PublishedAt)}";

    /// <summary>True for a corrigendum (a version after the first).</summary>
    public bool IsCorrection => Version > 1;
}

/// <summary>
/// What a publication froze of one KPI: the measurement shown, the target version in force with its terms, the
/// status and legal-norm judgement, the definition fields that change a status, and the commentary. Publications made
/// before these were frozen have only the measurement, the target version number and the commentary; <see
/// cref="IsLegacy"/> tells, and <see cref="PublishedFigureView"/> then falls back (in one place).
/// </summary>
public sealed record FrozenFigure
{
    public static readonly Expression<Func<PublishedFigure, FrozenFigure>> FromEntity = f => new FrozenFigure
    {
        KpiId = f.KpiId,
        MeasurementYear = f.MeasurementYear,
        MeasurementQuarter = f.MeasurementQuarter,
        Value = f.Value,
        TargetVersion = f.TargetVersion,
        TargetValue = f.TargetValue,
        TargetDeadlineYear = f.TargetDeadlineYear,
        TargetDeadlineQuarter = f.TargetDeadlineQuarter,
        TargetValidFromYear = f.TargetValidFromYear,
        TargetValidFromQuarter = f.TargetValidFromQuarter,
        ToleranceOnTrackPercent = f.ToleranceOnTrackPercent,
        ToleranceAttentionPercent = f.ToleranceAttentionPercent,
        Status = f.Status,
        StatusReason = f.StatusReason,
        LegalNormMet = f.LegalNormMet,
        Unit = f.Unit,
        Direction = f.Direction,
        BandLow = f.BandLow,
        BandHigh = f.BandHigh,
        LegalNorm = f.LegalNorm,
        Commentary = f.Commentary,
        CommentaryVersion = f.CommentaryVersion,
    };

    private static readonly Func<PublishedFigure, FrozenFigure> Compiled = FromEntity.Compile();

    /// <summary>The frozen figure of a stored row.</summary>
    public static FrozenFigure Of(PublishedFigure figure) => Compiled(figure);

    public int KpiId { get; init; }

    public int? MeasurementYear { get; init; }

    public int? MeasurementQuarter { get; init; }

    public decimal? Value { get; init; }

    public int? TargetVersion { get; init; }

    public decimal? TargetValue { get; init; }

    public int? TargetDeadlineYear { get; init; }

    public int? TargetDeadlineQuarter { get; init; }

    public int? TargetValidFromYear { get; init; }

    public int? TargetValidFromQuarter { get; init; }

    public decimal? ToleranceOnTrackPercent { get; init; }

    public decimal? ToleranceAttentionPercent { get; init; }

    public KpiStatus? Status { get; init; }

    public string? StatusReason { get; init; }

    public bool? LegalNormMet { get; init; }

    public KpiUnit? Unit { get; init; }

    public KpiDirection? Direction { get; init; }

    public decimal? BandLow { get; init; }

    public decimal? BandHigh { get; init; }

    public decimal? LegalNorm { get; init; }

    public string? Commentary { get; init; }

    public int? CommentaryVersion { get; init; }

    public Period? MeasurementPeriod => MeasurementYear is { } y ? new Period(y, MeasurementQuarter) : null;

    /// <summary>True for a publication made before status, target terms and definition were frozen (status reason is always stored since).</summary>
    public bool IsLegacy => StatusReason is null && Status is null;

    /// <summary>The frozen figure of a new publication: what <paramref name="evaluation"/> showed of the KPI against <paramref name="target"/>.</summary>
    public static FrozenFigure Freeze(KpiDefinition kpi, TargetVersion? target, KpiEvaluationResult evaluation, PublishedCommentary? commentary) => new()
    {
        KpiId = kpi.Id,
        MeasurementYear = evaluation.Current?.Period.Year,
        MeasurementQuarter = evaluation.Current?.Period.Quarter,
        Value = evaluation.Current?.Value,
        TargetVersion = target?.Version,
        TargetValue = target?.TargetValue,
        TargetDeadlineYear = target?.DeadlineYear,
        TargetDeadlineQuarter = target?.DeadlineQuarter,
        TargetValidFromYear = target?.ValidFromYear,
        TargetValidFromQuarter = target?.ValidFromQuarter,
        ToleranceOnTrackPercent = target?.ToleranceOnTrackPercent,
        ToleranceAttentionPercent = target?.ToleranceAttentionPercent,
        Status = evaluation.Status,
        StatusReason = evaluation.StatusReason,
        LegalNormMet = evaluation.LegalNorm?.MeetsNorm,
        Unit = kpi.Unit,
        Direction = kpi.Direction,
        BandLow = kpi.BandLow,
        BandHigh = kpi.BandHigh,
        LegalNorm = kpi.LegalNorm,
        Commentary = commentary?.Text,
        CommentaryVersion = commentary?.Version,
    };

    /// <summary>The entity to store.</summary>
    public PublishedFigure ToEntity() => new()
    {
        KpiId = KpiId,
        MeasurementYear = MeasurementYear,
        MeasurementQuarter = MeasurementQuarter,
        Value = Value,
        TargetVersion = TargetVersion,
        TargetValue = TargetValue,
        TargetDeadlineYear = TargetDeadlineYear,
        TargetDeadlineQuarter = TargetDeadlineQuarter,
        TargetValidFromYear = TargetValidFromYear,
        TargetValidFromQuarter = TargetValidFromQuarter,
        ToleranceOnTrackPercent = ToleranceOnTrackPercent,
        ToleranceAttentionPercent = ToleranceAttentionPercent,
        Status = Status,
        StatusReason = StatusReason,
        LegalNormMet = LegalNormMet,
        Unit = Unit,
        Direction = Direction,
        BandLow = BandLow,
        BandHigh = BandHigh,
        LegalNorm = LegalNorm,
        Commentary = Commentary,
        CommentaryVersion = CommentaryVersion,
    };
}

/// <summary>A published version of a quarter's commentary (<see cref="KpiCommentaryVersion"/>).</summary>
public sealed record PublishedCommentaryText(int Version, string Text, DateTimeOffset? PublishedAt);

/// <summary>The published commentary of a quarter at some moment: text, its version (null before versions existed) and when it was published.</summary>
public sealed record PublishedCommentary(string Text, int? Version, DateTimeOffset? PublishedAt);

/// <summary>
/// A date from <c>?stand=</c>: the dashboard as it was published by the end of that day in Europe/Amsterdam
/// (<see cref="Cutoff"/>, exclusive).
/// </summary>
public sealed record Stand(DateOnly Date)
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy"];

    /// <summary>The first instant after the day, in Amsterdam.</summary>
    public DateTimeOffset Cutoff
    {
        get
        {
            if (Date == DateOnly.MaxValue)
            {
                return DateTimeOffset.MaxValue;
            }

            // Via UTC: Amsterdam's offsets before 1940 are not whole minutes, which DateTimeOffset refuses.
            var nextMidnight = Date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(nextMidnight, DutchText.Amsterdam), TimeSpan.Zero);
        }
    }

    /// <summary>True when something that happened at <paramref name="instant"/> was there at the end of the day.</summary>
    public bool Includes(DateTimeOffset instant) => instant < Cutoff;

    public string Text => Date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>The stand of <paramref name="text"/>; null with a Dutch error when it is not a date.</summary>
    public static Stand? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new Stand(date);
        }

        error = $"'{text.Trim()}' is geen datum voor de stand; gebruik bijvoorbeeld ?stand=2020-03-15";
        return null;
    }
}

/// <summary>
/// Which publications a reader sees: every one, or (with <c>?stand=</c>) those published by the end of that day, and of
/// a quarter the newest of those unless <c>?versie=</c> asks for another. <see cref="Problem"/> says in Dutch why a
/// request was not followed (the page then shows the newest; an export or the API answers 400).
/// </summary>
public sealed record PublicationChoice(IReadOnlyList<PublicationHeader> All, Stand? Stand, int? RequestedVersion, string? Problem)
{
    /// <summary>True when the reader asked for the dashboard as published (a stand or a version), also as staff.</summary>
    public bool AsPublished => Stand is not null || RequestedVersion is not null;

    /// <summary>The publications visible at the stand, oldest first.</summary>
    public IReadOnlyList<PublicationHeader> Visible { get; } =
        All.Where(p => Stand is null || Stand.Includes(p.PublishedAt)).OrderBy(p => p.Quarter).ThenBy(p => p.Version).ToList();

    /// <summary>The published quarters at the stand.</summary>
    public IReadOnlyList<Period> Quarters => Visible.Select(p => p.Quarter).Distinct().ToList();

    /// <summary>Every visible version of <paramref name="quarter"/>, oldest first.</summary>
    public IReadOnlyList<PublicationHeader> VersionsOf(Period quarter) => Visible.Where(p => p.Quarter == quarter).ToList();

    /// <summary>The publication of <paramref name="quarter"/> shown: the requested version, otherwise the newest visible; null when it is not published.</summary>
    public PublicationHeader? Shown(Period quarter)
    {
        var versions = VersionsOf(quarter);
        return versions.FirstOrDefault(p => p.Version == RequestedVersion) ?? versions.LastOrDefault();
    }

    /// <summary>Why the requested version of <paramref name="quarter"/> is not shown; null when it is (or none was asked for).</summary>
    public string? VersionProblem(Period quarter) =>
        RequestedVersion is { } v && VersionsOf(quarter).All(p => p.Version != v)
            ? $"Versie {v} van kwartaal {quarter} bestaat niet{(Stand is null ? "" : $" op {Stand.Text}")}"
            : null;

    /// <summary>Reads <c>?stand=</c> and <c>?versie=</c> against the publications; an unusable value is dropped with its Dutch <see cref="Problem"/>.</summary>
    public static PublicationChoice Resolve(IReadOnlyList<PublicationHeader> all, string? standText, string? versionText)
    {
        var stand = Stand.Parse(standText, out var problem);
        if (stand is not null && !all.Any(p => stand.Includes(p.PublishedAt)))
        {
            var first = all.Select(p => (DateTimeOffset?)p.PublishedAt).Min();
            problem = first is { } f
                ? $"Op {stand.Text} was nog geen kwartaal gepubliceerd; de eerste publicatie is van {DutchText.ShortDate(f)}"
                : $"Op {stand.Text} was nog geen kwartaal gepubliceerd";
            stand = null;
        }

        int? version = null;
        if (!string.IsNullOrWhiteSpace(versionText))
        {
            if (int.TryParse(versionText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1)
            {
                version = v;
            }
            else
            {
                problem = Join(problem, $"'{versionText.Trim()}' is geen versienummer; gebruik bijvoorbeeld ?versie=1");
            }
        }

        return new PublicationChoice(all, stand, version, problem);
    }

    /// <summary>Joins two Dutch problems into one sentence list.</summary>
    public static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : $"{first}. {second}";
}

/// <summary>The database round trips of publications shared by the overview, the KPI page and the API.</summary>
public static class PublicationQuery
{
    /// <summary>Every publication, without figures (one round trip).</summary>
    public static async Task<IReadOnlyList<PublicationHeader>> HeadersAsync(Data.SocialDomainDbContext db, CancellationToken cancellationToken) =>
        (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.QuarterPublications)
                .Select(p => new { p.Id, p.Year, p.Quarter, p.Version, p.PublishedAt, p.PublishedBy, p.Note }), cancellationToken))
        .Select(p => new PublicationHeader(p.Id, Period.OfQuarter(p.Year, p.Quarter), p.Version, p.PublishedAt, p.PublishedBy, p.Note))
        .OrderBy(p => p.Quarter).ThenBy(p => p.Version)
        .ToList();
}
