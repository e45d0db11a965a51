using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data;
using SocialDomain.Web.Features.Accounts;
using SocialDomain.Web.Features.Publication;

namespace SocialDomain.Web.Features.Measurements;

/// <summary>The rows of a value-history table (partial _ValueHistory), with its caption and element id.</summary>
public sealed record ValueHistoryTable(IReadOnlyList<ValueChange> Rows, KpiUnit Unit, string Caption, string Id);

/// <summary>
/// The history of a KPI's values (every <see cref="Data.Entities.KpiMeasurementVersion"/>): read once for the staff
/// editor and the KPI page, and cut to what a reader may see (issue 15 item 1: "the KPI page shows a value's history").
/// </summary>
public static class MeasurementHistory
{
    /// <summary>Every change of the KPI's values, newest first (one round trip).</summary>
    public static async Task<IReadOnlyList<ValueChange>> LoadAsync(SocialDomainDbContext db, int kpiId, CancellationToken ct) =>
        (await db.KpiMeasurementVersions.AsNoTracking().Where(v => v.KpiId == kpiId)
            .OrderByDescending(v => v.ChangedAt).ThenByDescending(v => v.Version)
            .Select(v => new { v.Year, v.Quarter, v.Version, v.Change, v.Value, v.Status, v.Reason, v.ChangedBy, v.ChangedAt, v.Source.Document, v.Source.Section })
            .ToListAsync(ct))
        .Select(v => new ValueChange(new Period(v.Year, v.Quarter), v.Version, v.Change, v.Value, v.Status, v.Reason, v.ChangedBy, v.ChangedAt, v.Document, v.Section))
        .ToList();

    /// <summary>
    /// Pure: the changes a reader may see. Staff see all; the public and council members see the changes of published
    /// periods only, with roles instead of login names (<see cref="PublicAttribution"/>). At a <paramref name="stand"/> only changes made by the end of
    /// that day count.
    /// </summary>
    public static IReadOnlyList<ValueChange> Visible(IReadOnlyList<ValueChange> history, bool showsUnpublished, Period? latestPublished, Stand? stand) =>
        history.Where(h => stand is null || stand.Includes(h.ChangedAt))
            .Where(h => showsUnpublished || Visibility.IsPublished(h.Period, latestPublished))
            .Select(h => showsUnpublished ? h : h with { ChangedBy = PublicAttribution(h) })
            .ToList();

    /// <summary>
    /// Pure: who made a change, for readers outside the staff: only controllers confirm; values are entered and corrected
    /// by advisors and controllers alike ("medewerker"); imports by the command line or an upload stay "import".
    /// </summary>
    public static string PublicAttribution(ValueChange change) => change.Change switch
    {
        MeasurementChange.Confirmed => StaffAttribution.Controller,
        MeasurementChange.Imported => StaffAttribution.Import,
        _ => StaffAttribution.Staff,
    };

    /// <summary>Pure: the periods whose value was changed after it was first stored (corrected, withdrawn, re-imported or confirmed).</summary>
    public static IReadOnlySet<Period> Revised(IReadOnlyList<ValueChange> history) =>
        history.GroupBy(h => h.Period).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();

    /// <summary>Pure: per period the moment of its latest change.</summary>
    public static IReadOnlyDictionary<Period, DateTimeOffset> LastChanged(IReadOnlyList<ValueChange> history) =>
        history.GroupBy(h => h.Period).ToDictionary(g => g.Key, g => g.Max(h => h.ChangedAt));
}
