namespace SocialDomain.Core.Calculations;

/// <summary>The population of a municipality at one snapshot of its characteristics ("Stand december 2019").</summary>
/// <param name="Snapshot">First day of the snapshot month.</param>
/// <param name="Population">Inhabitants; null when the snapshot does not give them.</param>
public sealed record PopulationSnapshot(DateOnly Snapshot, int? Population);

/// <summary>
/// The municipality's own cost per inhabitant of one taakveld and year, next to the G40 benchmark figure of the same
/// taakveld and year.
/// </summary>
/// <param name="TaskFieldCode">The IV3 taakveld, e.g. "6.2".</param>
/// <param name="Year">The year of the realisatie (jaarrekening).</param>
/// <param name="Realisation">The own realisatie (lasten) of the whole year, in euros.</param>
/// <param name="Population">Inhabitants used as the divisor.</param>
/// <param name="PopulationSnapshot">The snapshot the inhabitants come from.</param>
/// <param name="PerInhabitant">Realisation / population, unrounded (€ per inhabitant, positive = cost).</param>
/// <param name="BenchmarkSaldo">The G40 benchmark figure as printed (a saldo: negative = net cost); null when there is none.</param>
/// <param name="RoundingMargin">Half a unit of the last decimal the benchmark figure is printed with (€ 0,50 for whole euros); null without it.</param>
/// <param name="Difference">Own cost per inhabitant − the benchmark's net cost (= −saldo); null without a benchmark figure.</param>
/// <param name="Agrees">Whether the difference lies within the rounding margin; null when there is nothing to compare with.</param>
/// <param name="Explanation">Dutch sentence: agreement, or the size of the disagreement with its likely causes, or why there is no comparison.</param>
public sealed record OwnCostPerInhabitant(
    string TaskFieldCode,
    int Year,
    decimal Realisation,
    int Population,
    DateOnly PopulationSnapshot,
    decimal PerInhabitant,
    decimal? BenchmarkSaldo,
    decimal? RoundingMargin,
    decimal? Difference,
    bool? Agrees,
    string Explanation)
{
    /// <summary>The benchmark figure as net cost per inhabitant (−saldo); null without one.</summary>
    public decimal? BenchmarkNetCost => BenchmarkSaldo is { } saldo ? NetCost.FromSaldo(saldo) : null;
}

/// <summary>
/// Own cost per inhabitant against the G40 benchmark, and cost per client, from the municipality's own realisatie
/// (docs/calculations.md, "Own cost per inhabitant"). Pure: every figure is passed in.
/// </summary>
public static class OwnCost
{
    /// <summary>
    /// The inhabitants of <paramref name="year"/>: the latest snapshot dated in that year that gives a population. A
    /// snapshot of another year is never used (an inhabitant count of a different year would shift the figure); null
    /// when there is none.
    /// </summary>
    public static PopulationSnapshot? PopulationFor(int year, IEnumerable<PopulationSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return snapshots.Where(s => s.Snapshot.Year == year && s.Population > 0).MaxBy(s => s.Snapshot);
    }

    /// <summary>
    /// The number of decimals a figure needs (trailing zeros dropped): −20 → 0, −134,7 → 1, −234,48 → 2. The database
    /// keeps two decimals, so a printed −235,0 reads as whole euros, which gives the wider (more lenient) margin.
    /// </summary>
    public static int PrintedDecimals(decimal value)
    {
        var decimals = 0;
        while (decimals < 28 && Math.Round(value, decimals) != value)
        {
            decimals++;
        }

        return decimals;
    }

    /// <summary>Half a unit of the last decimal of a printed figure: € 0,50 for −20, € 0,05 for −134,7.</summary>
    public static decimal RoundingMargin(decimal printed)
    {
        var margin = 0.5m;
        for (var i = 0; i < PrintedDecimals(printed); i++)
        {
            margin /= 10m;
        }

        return margin;
    }

    /// <summary>
    /// Own realisatie (lasten, whole year) per inhabitant against the G40 figure of the same taakveld and year. Not enough
    /// data without a realisatie or without the inhabitants of that year; without a benchmark figure the own figure is
    /// given and the comparison says why it is missing. The two agree when |own − net cost| ≤ the rounding margin of
    /// the printed benchmark figure.
    /// </summary>
    public static Result<OwnCostPerInhabitant> PerInhabitant(
        string taskFieldCode, int year, decimal? realisation, IEnumerable<PopulationSnapshot> populations, decimal? benchmarkSaldo)
    {
        ArgumentNullException.ThrowIfNull(populations);
        var snapshots = populations.ToList();
        if (realisation is not { } own)
        {
            return Result<OwnCostPerInhabitant>.InsufficientData($"niet te berekenen: geen realisatie (jaarrekening) van taakveld {taskFieldCode} in {year}");
        }

        if (PopulationFor(year, snapshots) is not { Population: { } population } snapshot)
        {
            var known = snapshots.Where(s => s.Population > 0).Select(s => s.Snapshot.ToString("MM-yyyy", DutchFormat.Culture)).ToList();
            return Result<OwnCostPerInhabitant>.InsufficientData(
                $"niet te berekenen: geen inwonertal van {year}" + (known.Count == 0 ? " (geen kenmerken van de gemeente)" : $" (inwonertal alleen van {string.Join(", ", known)})"));
        }

        var perInhabitant = own / population;
        if (benchmarkSaldo is not { } saldo)
        {
            return Result<OwnCostPerInhabitant>.Ok(new(taskFieldCode, year, own, population, snapshot.Snapshot, perInhabitant, null, null, null, null,
                $"niet te vergelijken: geen G40-cijfer van taakveld {taskFieldCode} in {year} (jaarrekening)"));
        }

        var margin = RoundingMargin(saldo);
        var netCost = NetCost.FromSaldo(saldo);
        var difference = perInhabitant - netCost;
        var agrees = Math.Abs(difference) <= margin;
        return Result<OwnCostPerInhabitant>.Ok(new(taskFieldCode, year, own, population, snapshot.Snapshot, perInhabitant, saldo, margin, difference, agrees,
            Explain(perInhabitant, netCost, difference, margin, saldo)));
    }

    /// <summary>
    /// Cost per client computed from the realisatie of a taakveld and the number of clients of the same taakveld and year.
    /// "niet te berekenen: …" without either, or with no clients.
    /// </summary>
    public static Result<decimal> PerClient(string taskFieldCode, int year, decimal? realisation, decimal? clients) =>
        realisation is not { } own
            ? Result<decimal>.InsufficientData($"niet te berekenen: geen realisatie (jaarrekening) van taakveld {taskFieldCode} in {year}")
            : clients is not { } count
                ? Result<decimal>.InsufficientData($"niet te berekenen: geen aantal cliënten van taakveld {taskFieldCode} over {year}")
                : count <= 0m
                    ? Result<decimal>.NotApplicable($"niet te berekenen: het aantal cliënten van taakveld {taskFieldCode} over {year} is 0")
                    : Result<decimal>.Ok(own / count);

    private static string Explain(decimal perInhabitant, decimal netCost, decimal difference, decimal margin, decimal saldo)
    {
        var decimals = PrintedDecimals(saldo);
        var figures = $"eigen realisatie {DutchFormat.Euro(perInhabitant, 2)} per inwoner, G40-cijfer {DutchFormat.Euro(netCost, decimals)} netto lasten per inwoner";
        if (Math.Abs(difference) <= margin)
        {
            return $"komt overeen: {figures}; het verschil van {DutchFormat.Euro(Math.Abs(difference), 2)} valt binnen de afronding van het G40-cijfer (± {DutchFormat.Euro(margin, 2)})";
        }

        var side = difference > 0m ? "hoger" : "lager";
        var causes = difference > 0m
            ? "de eigen realisatie is bruto lasten, het G40-cijfer een saldo van lasten en baten uit de IV3-cijfers (baten zoals eigen bijdragen of een rijksvergoeding verlagen het saldo); "
              + "of het eigen perceel omvat meer dan dit ene taakveld"
            : "het eigen perceel omvat niet het hele taakveld (lasten die de IV3-cijfers aan het taakveld toerekenen, zoals apparaatskosten, staan in het eigen grootboek elders); "
              + "of de benchmark gebruikt een ander inwonertal of andere peildatum";
        return $"wijkt af: {figures}; de eigen realisatie is {DutchFormat.Euro(Math.Abs(difference), 2)} per inwoner {side}, meer dan de afronding toelaat (± {DutchFormat.Euro(margin, 2)}). "
            + $"Mogelijke verklaring: {causes}";
    }
}
