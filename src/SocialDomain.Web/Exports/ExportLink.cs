using System.Net;
using Microsoft.AspNetCore.Html;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Features.G40Benchmark;

namespace SocialDomain.Web.Exports;

/// <summary>
/// The small "Download als CSV" line under a table on the dashboard pages, pointing at the matching export with the
/// page's current filters (Excel dialect, plus an RFC 4180 link).
/// </summary>
public static class ExportLink
{
    public static IHtmlContent For(string export, params (string Name, string? Value)[] query)
    {
        var parameters = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value!)}").ToList();
        var url = $"/export/{export}.csv" + (parameters.Count > 0 ? "?" + string.Join('&', parameters) : string.Empty);
        var rfc = url + (parameters.Count > 0 ? "&" : "?") + "dialect=rfc4180";
        return new HtmlString(
            $"""<p class="meta no-print export-link"><a href="{WebUtility.HtmlEncode(url)}" download>Download als CSV</a> (voor Excel; of <a href="{WebUtility.HtmlEncode(rfc)}" download>als RFC 4180</a>)</p>""");
    }

    /// <summary>A table of the Kwartaaloverzicht: one programme and domain at one quarter.</summary>
    public static IHtmlContent Overview(Period? quarter, string? programme, SocialDomainArea domain) =>
        For(Tables.OverviewExport.Name, ("kwartaal", quarter?.ToString()), ("programma", Features.Overview.OverviewSection.TokenOf(programme)), ("domein", Codes.Domain(domain)));

    /// <summary>A table of the benchmark page, with its selection and weights.</summary>
    public static IHtmlContent Benchmark(string export, BenchmarkReport report) =>
        For(export, [("veld", report.SelectedField?.Token), ("jaar", report.SelectedColumn?.Token), ("gemeente", report.SelectedHome?.Code),
            .. report.WeightQuery().Select(w => (w.Key, (string?)w.Value)), (BenchmarkInput.SeriesParameter, report.SeriesQuery)]);
}
