using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>
/// Net cost per inhabitant and its change between benchmark columns. The benchmark tables print saldi: a negative saldo
/// is a net cost, so net cost = −saldo (−191,4 → € 191,40). A change is always measured against the annual accounts
/// (jaarrekening) of an earlier year, as the source does ("t.o.v. lasten jaar ervoor").
/// </summary>
public static class NetCost
{
    /// <summary>Net cost of a saldo as printed: −191,4 → 191,4; a positive saldo (net income) gives a negative net cost.</summary>
    public static decimal FromSaldo(decimal saldo) => -saldo;

    /// <summary>As <see cref="FromSaldo(decimal)"/>; null stays null (no value in the source, never 0).</summary>
    public static decimal? FromSaldo(decimal? saldo) => saldo is { } s ? -s : null;

    /// <summary>
    /// Change of net cost from <paramref name="fromSaldo"/> to <paramref name="toSaldo"/> in percent
    /// (<see cref="Growth.NetCostPercent"/>); null when either value is missing or the change is not applicable (from = 0).
    /// </summary>
    public static decimal? ChangePercent(decimal? fromSaldo, decimal? toSaldo) =>
        fromSaldo is { } f && toSaldo is { } t && Growth.NetCostPercent(f, t) is { IsOk: true } growth ? growth.Value : null;

    /// <summary>
    /// The year of the latest annual accounts (jaarrekening) before <paramref name="year"/> among the available
    /// <paramref name="columns"/>: what a column's change is measured against. Null when there is none.
    /// For 2019 begroting and for 2019 jaarrekening that is 2018 jaarrekening; 2017 jaarrekening has none when it is the first.
    /// </summary>
    public static int? PreviousAnnualAccounts(IEnumerable<(int Year, BenchmarkStage Stage)> columns, int year)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int? previous = null;
        foreach (var (y, stage) in columns)
        {
            if (stage == BenchmarkStage.AnnualAccounts && y < year && (previous is null || y > previous))
            {
                previous = y;
            }
        }

        return previous;
    }
}
