using SocialDomain.Core.Calculations;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>How /benchmark writes its figures in Dutch.</summary>
public static class BenchmarkText
{
    /// <summary>"€ 191,40" for a net cost; "€ 39,00 netto baten" for a positive saldo.</summary>
    public static string NetCost(decimal? saldo) => saldo switch
    {
        null => "geen waarde",
        > 0m => $"{DutchFormat.Euro(saldo.Value, 2)} netto baten",
        _ => DutchFormat.Euro(Core.Calculations.NetCost.FromSaldo(saldo.Value), 2),
    };

    /// <summary>The saldo as printed in the source, with one or two decimals: "-191,4".</summary>
    public static string Saldo(decimal? saldo) =>
        saldo is { } s ? DutchFormat.Number(s, DutchFormat.Round(s, 1) == s ? 1 : 2) : "–";

    public static string Percentile(decimal? percentile) => percentile is { } p ? DutchFormat.Number(p, 0) : "–";

    public static string Change(decimal? percent) =>
        percent is { } p ? DutchFormat.SignedPercent(p, 2) : "–";

    /// <summary>The note next to the home municipality's own value: its rank, or why it has none (no value; not a G40 member).</summary>
    public static string HomeRankNote(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.HomeBar is { } bar ? $"rang {bar.Rank} van {report.RankedCount}"
            : report.HomeSaldo is null ? "geen waarde in de bron"
            : "niet gerangschikt: geen G40-gemeente";
    }

    public static string Characteristic(CharacteristicDefinition definition, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return value is { } v ? (definition.Decimals == 0 ? DutchFormat.Number(v, 0) : DutchFormat.Percent(v, definition.Decimals)) : "–";
    }
}
