using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Dashboard;

/// <summary>A KPI with what its quarterly judgement needs: rule, target in force, published commentary.</summary>
public sealed record KpiQuarterInput(
    int Id,
    string Code,
    string Name,
    KpiUnit Unit,
    SocialDomainArea Domain,
    string? ProgrammeCode,
    string? ProgrammeName,
    KpiRule Rule,
    TargetInfo? Target,
    IReadOnlyList<(int Year, int Quarter, string Text, bool IsSynthetic)> PublishedCommentary);

/// <summary>
/// The two queries behind the quarterly overview and the publication snapshot: every KPI (with its
/// target in force and published commentary) and every measurement. Shared so that what is
/// published is exactly what the overview shows.
/// </summary>
public static class QuarterData
{
    public static async Task<(IReadOnlyList<KpiQuarterInput> Kpis, IReadOnlyDictionary<int, List<MeasurementPoint>> Measurements)> LoadAsync(
        SocialDomainDbContext db, CancellationToken cancellationToken)
    {
        var kpis = await db.Kpis.AsNoTracking()
            .OrderBy(k => k.ProgrammeCode).ThenBy(k => k.Domain).ThenBy(k => k.Name)
            .Select(k => new
            {
                k.Id, k.Code, k.Name, k.Unit, k.Direction, k.BandLow, k.BandHigh, k.LegalNorm, k.Domain, k.ProgrammeCode,
                ProgrammeName = k.Programme != null ? k.Programme.Name : null,
                Target = k.Targets.OrderByDescending(t => t.Version).Select(t => new
                {
                    t.Version, t.TargetValue, t.DeadlineYear, t.DeadlineQuarter, t.BaselineValue, t.BaselineYear, t.BaselineQuarter,
                    t.ToleranceOnTrackPercent, t.ToleranceAttentionPercent,
                }).FirstOrDefault(),
                Commentaries = k.Commentaries.Where(c => c.Status == CommentaryStatus.Published)
                    .Select(c => new { c.Year, c.Quarter, c.Text, c.IsSynthetic }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var measurements = (await db.KpiMeasurements.AsNoTracking()
                .Select(m => new { m.KpiId, m.Year, m.Quarter, m.Value, m.Status, m.IsSynthetic })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.KpiId)
            .ToDictionary(g => g.Key, g => g.Select(m => new MeasurementPoint(new Period(m.Year, m.Quarter), m.Value, m.Status, m.IsSynthetic)).ToList());

        var inputs = kpis.Select(k => new KpiQuarterInput(
            k.Id, k.Code, k.Name, k.Unit, k.Domain, k.ProgrammeCode, k.ProgrammeName,
            new KpiRule(k.Unit, k.Direction, k.BandLow, k.BandHigh, k.LegalNorm),
            k.Target is null ? null : new TargetInfo(k.Target.Version, k.Target.TargetValue,
                k.Target.DeadlineYear is { } dy ? new Period(dy, k.Target.DeadlineQuarter) : null,
                k.Target.BaselineValue, k.Target.BaselineYear is { } by ? new Period(by, k.Target.BaselineQuarter) : null,
                k.Target.ToleranceOnTrackPercent, k.Target.ToleranceAttentionPercent),
            k.Commentaries.Select(c => (c.Year, c.Quarter, c.Text, c.IsSynthetic)).ToList())).ToList();
        return (inputs, measurements);
    }

    /// <summary>Every quarter in which some measurement becomes available, newest first.</summary>
    public static IReadOnlyList<Period> QuartersWithData(IReadOnlyDictionary<int, List<MeasurementPoint>> measurements) =>
        measurements.Values.SelectMany(s => s).Select(m => KpiEvaluation.EndQuarter(m.Period)).Distinct().OrderDescending().ToList();
}
