using System.Globalization;
using System.Net;
using System.Text;
using SocialDomain.Core.Calculations;

namespace SocialDomain.Web.Features.Report;

/// <summary>
/// The report's trend chart as inline SVG (pure): measurements as a line with points, the target as a dashed line, the
/// projection as a dotted line, four value ticks in Dutch formatting, the first, middle and last period, and a legend.
/// Vector text and lines print sharply and cost the PDF printer almost nothing, where 500 Chart.js canvases took minutes
/// (docs/adr/0014); the data table after the chart carries every figure.
/// </summary>
public static class ReportChartSvg
{
    private const int Width = 640;
    private const int Height = 230;
    private const int Left = 78;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 62;

    public const string MeasurementColour = "#00467f";
    public const string TargetColour = "#1d6b2f";
    public const string ProjectionColour = "#8a5300";

    public static string Render(ReportChart chart, string label)
    {
        var plotted = chart.Values.Concat(chart.Projection).Append(chart.Target).OfType<decimal>().ToList();
        var min = chart.Axis.Min ?? plotted.Min();
        var max = plotted.Count > 0 ? plotted.Max() : min + 1;
        if (max <= min)
        {
            max = min + (min == 0 ? 1 : Math.Abs(min) * 0.1m);
        }

        max += (max - min) * 0.05m;
        var n = chart.Labels.Count;
        double X(int i) => Left + (n == 1 ? 0.5 : i / (double)(n - 1)) * (Width - Left - Right);
        double Y(decimal v) => Top + (double)((max - v) / (max - min)) * (Height - Top - Bottom);
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"report-svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(label)}</title><g aria-hidden=\"true\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#1b1b1b\">");
        for (var t = 0; t <= 3; t++)
        {
            var value = min + ((max - min) * t / 3);
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{WebUtility.HtmlEncode(DutchFormat.Value(Math.Round(value, 1), chart.Unit))}</text>");
        }

        foreach (var i in new[] { 0, n / 2, n - 1 }.Distinct())
        {
            var anchor = n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(chart.Labels[i])}</text>");
        }

        if (chart.Target is { } target)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(target))}\" y2=\"{F(Y(target))}\" stroke=\"{TargetColour}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }

        Polyline(svg, chart.Projection, ProjectionColour, "3 4", X, Y, F, points: false);
        Polyline(svg, chart.Values, MeasurementColour, null, X, Y, F, points: true);

        var legendY = Height - 14;
        var x = Left;
        foreach (var (name, colour, dash, shown) in new[]
        {
            ("Meting", MeasurementColour, (string?)null, true),
            ("Streefwaarde", TargetColour, "6 4", chart.Target is not null),
            ("Prognose (huidige trend)", ProjectionColour, "3 4", chart.Projection.Any(p => p is not null)),
        })
        {
            if (!shown)
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" x2=\"{x + 24}\" y1=\"{legendY - 4}\" y2=\"{legendY - 4}\" stroke=\"{colour}\" stroke-width=\"3\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 30}\" y=\"{legendY}\">{name}</text>");
            x += 40 + (name.Length * 7);
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static void Polyline(StringBuilder svg, IReadOnlyList<decimal?> values, string colour, string? dash, Func<int, double> x, Func<decimal, double> y,
        Func<double, string> f, bool points)
    {
        var coordinates = values.Select((v, i) => v is { } value ? $"{f(x(i))},{f(y(value))}" : null).OfType<string>().ToList();
        if (coordinates.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"{(points ? 3 : 2)}\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} points=\"{string.Join(' ', coordinates)}\"/>");
        }

        if (points)
        {
            foreach (var c in coordinates)
            {
                var xy = c.Split(',');
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3.5\" fill=\"{colour}\"/>");
            }
        }
    }
}
