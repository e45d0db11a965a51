using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;

namespace SocialDomain.Web.Dashboard;

/// <summary>
/// Where a chart's value axis starts and how the chart's text alternative says so (issue 18 item 5): at zero for
/// amounts, counts, percentages and durations, unless the data goes below zero; a report mark (1–10) has no zero in
/// view, so its axis starts one whole mark below the lowest value. <paramref name="Min"/> null: Chart.js chooses.
/// </summary>
public sealed record ChartAxis(decimal? Min, string Text)
{
    /// <summary>The value axis (<paramref name="axis"/>: "verticale", or "horizontale" for bars lying down) of a chart of <paramref name="unit"/> values showing <paramref name="plotted"/>.</summary>
    public static ChartAxis For(KpiUnit unit, IEnumerable<decimal> plotted, string axis = "verticale")
    {
        var values = plotted.ToList();
        if (values.Count > 0 && values.Min() < 0)
        {
            return new ChartAxis(null, $"De {axis} as begint onder nul, bij de laagste waarde.");
        }

        if (unit == KpiUnit.Score && values.Count > 0 && Math.Floor(values.Min()) - 1 is var start && start > 0)
        {
            return new ChartAxis(start, $"De {axis} as begint bij {DutchFormat.Number(start, 0)}, niet bij 0 (een rapportcijfer).");
        }

        return new ChartAxis(0, $"De {axis} as begint bij 0.");
    }

    /// <summary>The unit as wwwroot/js/charts.js reads it from the canvas' data-unit (tooltips and tick labels).</summary>
    public static string UnitKey(KpiUnit unit) => unit switch
    {
        KpiUnit.Percent => "percent",
        KpiUnit.Weeks => "weeks",
        KpiUnit.Days => "days",
        KpiUnit.Score => "score",
        KpiUnit.Count => "count",
        KpiUnit.Euro => "euro",
        KpiUnit.EuroPerInhabitant => "euro-per-inhabitant",
        KpiUnit.Per10000 => "per10000",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
