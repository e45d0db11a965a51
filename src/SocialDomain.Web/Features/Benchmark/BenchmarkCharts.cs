using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>A reference value drawn as a vertical line in the ranking chart.</summary>
public sealed record ReferenceLine(string Label, decimal Saldo, string Colour, int[] Dash);

/// <summary>The Chart.js configurations of /benchmark (net cost, i.e. −saldo, rounded to cents).</summary>
public static class BenchmarkCharts
{
    /// <summary>Bar colour of the home municipality (5,5:1 on white) and of the others (4,4:1).</summary>
    public const string HomeColour = "#b34700";

    public const string OtherColour = "#4f7cac";

    /// <summary>Border of the home bar and the G40-average line.</summary>
    public const string DarkColour = "#1b1b1b";

    public const string SizeClassColour = "#6a1b9a";

    public const string NetherlandsColour = "#1d6b2f";

    private const string AxisTitle = "netto lasten in € per inwoner";

    /// <summary>The ranked bars with the reference values as vertical lines.</summary>
    public static object Ranking(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bars = report.Bars;
        var labels = bars.Select(b => b.IsHome ? $"► {b.Name}" : b.Name).ToList();
        var datasets = new List<object>
        {
            new
            {
                type = "bar",
                label = $"Netto lasten (► = {report.SelectedHome?.Name})",
                data = bars.Select(b => Cents(b.Saldo)),
                backgroundColor = bars.Select(b => b.IsHome ? HomeColour : OtherColour),
                borderColor = bars.Select(b => b.IsHome ? DarkColour : OtherColour),
                borderWidth = bars.Select(b => b.IsHome ? 2 : 0),
                indexAxis = "y",
                order = 2,
            },
        };
        foreach (var line in ReferenceLines(report))
        {
            datasets.Add(new
            {
                type = "line",
                label = line.Label,
                data = bars.Select(_ => Cents(line.Saldo)),
                borderColor = line.Colour,
                backgroundColor = line.Colour,
                borderDash = line.Dash,
                borderWidth = 2,
                pointRadius = 0,
                fill = false,
                indexAxis = "y",
                order = 1,
            });
        }

        return new
        {
            type = "bar",
            data = new { labels, datasets },
            options = new
            {
                indexAxis = "y",
                plugins = new { legend = new { position = "bottom" } },
                scales = new
                {
                    x = new { title = new { display = true, text = AxisTitle } },
                    y = new { ticks = new { autoSkip = false } },
                },
            },
        };
    }

    /// <summary>The home municipality against the G40 average in every column.</summary>
    public static object Series(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new
        {
            type = "bar",
            data = new
            {
                labels = report.Series.Select(s => s.Column.Label),
                datasets = new object[]
                {
                    new
                    {
                        label = report.SelectedHome?.Name,
                        data = report.Series.Select(s => s.HomeSaldo is { } v ? Cents(v) : (decimal?)null),
                        backgroundColor = HomeColour,
                    },
                    new
                    {
                        label = "G40-gemiddelde (herberekend)",
                        data = report.Series.Select(s => s.G40Recomputed.Mean is { } v ? Cents(v) : (decimal?)null),
                        backgroundColor = OtherColour,
                    },
                },
            },
            options = new
            {
                plugins = new { legend = new { position = "bottom" } },
                scales = new { y = new { title = new { display = true, text = AxisTitle } } },
            },
        };
    }

    /// <summary>The reference values that can be drawn as lines (those with a value).</summary>
    public static IReadOnlyList<ReferenceLine> ReferenceLines(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<ReferenceLine>();
        if (report.G40Average?.Mean is { } mean)
        {
            lines.Add(new ReferenceLine($"G40-gemiddelde {BenchmarkText.NetCost(mean)}", mean, DarkColour, [8, 4]));
        }

        if (report.SizeClassReference?.Saldo is { } size)
        {
            lines.Add(new ReferenceLine($"Grootteklasse {BenchmarkText.NetCost(size)}", size, SizeClassColour, [2, 3]));
        }

        if (report.NetherlandsReference?.Saldo is { } nl)
        {
            lines.Add(new ReferenceLine($"Nederland {BenchmarkText.NetCost(nl)}", nl, NetherlandsColour, [12, 3, 3, 3]));
        }

        return lines;
    }

    /// <summary>Where the ranking's value axis (horizontal) starts, for its text alternative: bars start at zero.</summary>
    public static ChartAxis RankingAxis(BenchmarkReport report) =>
        ChartAxis.For(KpiUnit.EuroPerInhabitant, report.Bars.Select(b => Cents(b.Saldo)).Concat(ReferenceLines(report).Select(l => Cents(l.Saldo))), "horizontale");

    /// <summary>Where the per-year chart's value axis starts, for its text alternative.</summary>
    public static ChartAxis SeriesAxis(BenchmarkReport report) =>
        ChartAxis.For(KpiUnit.EuroPerInhabitant, report.Series.SelectMany(s => new[] { s.HomeSaldo, s.G40Recomputed.Mean }).OfType<decimal>().Select(Cents));

    private static decimal Cents(decimal saldo) => DutchFormat.Round(NetCost.FromSaldo(saldo), 2);
}
