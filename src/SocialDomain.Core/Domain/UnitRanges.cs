using System.Collections.Frozen;

namespace SocialDomain.Core.Domain;

/// <summary>An inclusive range of allowed values.</summary>
public readonly record struct ValueRange(decimal Min, decimal Max)
{
    /// <summary>0 and up (counts, durations, rates).</summary>
    public static ValueRange NonNegative { get; } = new(0m, decimal.MaxValue);

    public bool Contains(decimal value) => value >= Min && value <= Max;
}

/// <summary>
/// What values a KPI unit allows. <see cref="Target"/> applies to what the target editor accepts (target value and
/// baseline); <see cref="Measurement"/> to what the importer accepts as a measurement. They differ for percent only:
/// a target (and its baseline) is a level, a share between 0 and 100, while percent KPIs also measure changes
/// (SD_SPENDING_GROWTH, WI_OUTFLOW_INCREASE), which can fall by up to 100 %. Null: any value (amounts in euros can be
/// negative, a saldo).
/// </summary>
/// <param name="TargetRule">Dutch reason shown when a target or baseline is outside <see cref="Target"/>.</param>
public sealed record UnitRange(KpiUnit Unit, ValueRange? Target, ValueRange? Measurement, string? TargetRule);

/// <summary>The one table of value ranges per KPI unit, used by the target editor and the importer.</summary>
public static class UnitRanges
{
    /// <summary>Largest magnitude a value column (numeric(18,4): measurements, targets, baselines) holds.</summary>
    public const decimal StorageLimit = 99_999_999_999_999.9999m;

    private const string NotNegative = "de waarde kan niet negatief zijn.";

    /// <summary>The table, one row per unit.</summary>
    public static IReadOnlyList<UnitRange> All { get; } =
    [
        new(KpiUnit.Percent, Target: new(0m, 100m), Measurement: new(-100m, 100m), "een percentage ligt tussen 0 en 100."),
        new(KpiUnit.Weeks, ValueRange.NonNegative, ValueRange.NonNegative, NotNegative),
        new(KpiUnit.Days, ValueRange.NonNegative, ValueRange.NonNegative, NotNegative),
        new(KpiUnit.Score, new(1m, 10m), new(1m, 10m), "een rapportcijfer ligt tussen 1 en 10."),
        new(KpiUnit.Count, ValueRange.NonNegative, ValueRange.NonNegative, NotNegative),
        new(KpiUnit.Euro, null, null, null),
        new(KpiUnit.EuroPerInhabitant, null, null, null),
        new(KpiUnit.Per10000, ValueRange.NonNegative, ValueRange.NonNegative, NotNegative),
    ];

    /// <summary>
    /// Tolerances ("op koers" up to, "aandacht" up to) are percentages of the target, whatever the unit: 0 to 100.
    /// </summary>
    public static ValueRange TolerancePercent { get; } = new(0m, 100m);

    private static readonly FrozenDictionary<KpiUnit, UnitRange> ByUnit = All.ToFrozenDictionary(r => r.Unit);

    /// <summary>Allowed target and baseline values; null when any value is allowed.</summary>
    public static ValueRange? ForTarget(KpiUnit unit) => ByUnit.GetValueOrDefault(unit)?.Target;

    /// <summary>Allowed measurement values; null when any value is allowed.</summary>
    public static ValueRange? ForMeasurement(KpiUnit unit) => ByUnit.GetValueOrDefault(unit)?.Measurement;

    /// <summary>"een rapportcijfer ligt tussen 1 en 10." when <paramref name="value"/> is no valid target; otherwise null.</summary>
    public static string? TargetProblem(KpiUnit unit, decimal value) =>
        ByUnit.GetValueOrDefault(unit) is { Target: { } range } row && !range.Contains(value) ? row.TargetRule : null;
}
