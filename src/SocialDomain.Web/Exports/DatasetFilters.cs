using SocialDomain.Web.Features.Budget;
using SocialDomain.Web.Features.G40Benchmark;
using SocialDomain.Web.Features.Kpis;
using SocialDomain.Web.Import;

namespace SocialDomain.Web.Exports;

/// <summary>
/// The query parameters of each dataset (Dutch names, as in the bulk export URLs and the API) read into its filter, in
/// one place for the bulk exports and the API. Problems are collected in the <see cref="FilterReader"/> in parameter
/// order; the year is read through the caller's function (the API binds it as a number, the bulk export as text), at
/// its place in that order.
/// </summary>
public static class DatasetFilters
{
    public static MeasurementFilter Measurements(FilterReader filters, string? kpi, string? periode, Func<int?> year, string? domein, string? synthetisch, bool publishedOnly) =>
        new(filters.Code(kpi, "kpi"), filters.Period(periode, "periode"), year(), filters.Domain(domein), filters.Boolean(synthetisch, "synthetisch"), publishedOnly);

    public static TargetFilter Targets(FilterReader filters, string? kpi, string? domein) =>
        new(filters.Code(kpi, "kpi"), filters.Domain(domein));

    public static CommentaryFilter Commentaries(FilterReader filters, string? kpi, string? kwartaal, Func<int?> year, string? alleVersies, bool publishedOnly)
    {
        var quarter = filters.Period(kwartaal, "kwartaal");
        if (quarter is { IsQuarter: false })
        {
            filters.Add("'kwartaal' moet een kwartaal zijn, bijvoorbeeld 2020-K4.");
        }

        return new CommentaryFilter(filters.Code(kpi, "kpi"), quarter, year(), publishedOnly, filters.Boolean(alleVersies, "alleVersies") ?? false);
    }

    public static BudgetFilter Budgets(FilterReader filters, int? year, string? fase, string? niveau, string? programma, string? taakveld) =>
        new(year, filters.Token(Tokens.BudgetStage, fase, "fase"), filters.Token(Tokens.BudgetScope, niveau, "niveau"),
            filters.Code(programma, "programma"), filters.Code(taakveld, "taakveld"));

    public static BenchmarkFilter Benchmark(FilterReader filters, string? domein, string? taakveld, Func<int?> year, string? fase, string? gemeente) =>
        new(filters.Domain(domein), filters.Code(taakveld, "taakveld")?.ToLowerInvariant(), year(),
            filters.Token(Tokens.BenchmarkStage, fase, "fase"), filters.Code(gemeente, "gemeente"));
}
