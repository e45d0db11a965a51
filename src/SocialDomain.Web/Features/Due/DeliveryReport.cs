using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Features.Due;

/// <summary>One figure that is due in the quarter: which KPI, which period, by when, and where it stands.</summary>
public sealed record DeliveryRow(DeliveryKpi Kpi, DueFigure Due, DeliveryState State, StoredValue? Value);

/// <summary>The figures one owner must deliver in the quarter.</summary>
public sealed record OwnerGroup(string Owner, IReadOnlyList<DeliveryRow> Rows)
{
    public int Count(DeliveryState state) => Rows.Count(r => r.State == state);
}

/// <summary>
/// "Te leveren": per owner, the figures each KPI's frequency makes due in a quarter, delivered, missing or late
/// (<see cref="Delivery"/>). Pure: the KPIs, the quarter and today are passed in.
/// </summary>
public sealed record DeliveryReport(Period Quarter, DateOnly Today, IReadOnlyList<OwnerGroup> Owners, string? Problem)
{
    /// <summary>How an owner without a name is listed.</summary>
    public const string NoOwner = "(geen eigenaar vastgelegd)";

    public IEnumerable<DeliveryRow> Rows => Owners.SelectMany(o => o.Rows);

    public int Count(DeliveryState state) => Rows.Count(r => r.State == state);

    /// <summary>The quarter asked for (empty: the last quarter that has ended), or that one with the reason why not.</summary>
    public static (Period Quarter, string? Problem) ChooseQuarter(string? quarterText, DateOnly today)
    {
        var fallback = Delivery.LastEndedQuarter(today);
        if (string.IsNullOrWhiteSpace(quarterText))
        {
            return (fallback, null);
        }

        return Period.TryParse(quarterText.Trim(), out var parsed) && parsed.IsQuarter
            ? (parsed, null)
            : (fallback, $"'{quarterText}' is geen kwartaal (gebruik bijvoorbeeld 2020-K3); het laatst afgesloten kwartaal {fallback} wordt getoond.");
    }

    public static DeliveryReport Build(IReadOnlyList<DeliveryKpi> kpis, Period quarter, DateOnly today, string? problem = null)
    {
        var rows = new List<DeliveryRow>();
        foreach (var kpi in kpis)
        {
            if (Delivery.DueIn(kpi.Frequency, quarter) is not { } due)
            {
                continue;
            }

            var value = kpi.Values.FirstOrDefault(v => v.Quarter == due.Period.Quarter);
            rows.Add(new DeliveryRow(kpi, due, Delivery.StateOf(value is not null, due, today), value));
        }

        // Owners typed differently ("Team Wmo", "team wmo ") are one owner, shown as first spelled.
        var dutch = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);
        var owners = rows
            .GroupBy(r => string.IsNullOrWhiteSpace(r.Kpi.Owner) ? NoOwner : r.Kpi.Owner!.Trim(), dutch)
            .Select(g => new OwnerGroup(string.IsNullOrWhiteSpace(g.First().Kpi.Owner) ? NoOwner : g.First().Kpi.Owner!.Trim(),
                g.OrderByDescending(r => r.State).ThenBy(r => r.Kpi.Name, StringComparer.Ordinal).ToList()))
            .OrderBy(g => g.Owner == NoOwner).ThenBy(g => g.Owner, dutch)
            .ToList();
        return new DeliveryReport(quarter, today, owners, problem);
    }
}
