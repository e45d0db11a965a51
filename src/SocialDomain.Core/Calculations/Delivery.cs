using SocialDomain.Core.Domain;

namespace SocialDomain.Core.Calculations;

/// <summary>Where a figure that is due stands (docs/calculations.md, "Te leveren").</summary>
public enum DeliveryState
{
    /// <summary>A value is stored for the period.</summary>
    Delivered,

    /// <summary>No value yet, and its delivery date has not passed.</summary>
    Missing,

    /// <summary>No value, and its delivery date has passed.</summary>
    Late,
}

/// <summary>A figure a KPI owes in a quarter: the period it describes and the date by which it must be in.</summary>
public sealed record DueFigure(Period Period, DateOnly DueDate);

/// <summary>
/// Which figures are due in a quarter, from each KPI's frequency: a quarterly KPI owes the quarter's own figure, a
/// yearly KPI owes the year's figure in the fourth quarter (the quarter in which a year's figure counts, see
/// <see cref="QuarterOrdinal"/>). A figure is due a number of days after its period ends (the delivery term). Pure:
/// today is passed in.
/// </summary>
public static class Delivery
{
    /// <summary>The default delivery term: six weeks after the end of the period.</summary>
    public const int DefaultTermDays = 42;

    /// <summary>The figure a KPI of <paramref name="frequency"/> owes in <paramref name="quarter"/>; null when it owes none then.</summary>
    public static DueFigure? DueIn(KpiFrequency frequency, Period quarter, int termDays = DefaultTermDays)
    {
        if (!quarter.IsQuarter)
        {
            throw new ArgumentException("Te leveren cijfers gelden per kwartaal.", nameof(quarter));
        }

        Period? period = frequency switch
        {
            KpiFrequency.Quarter => quarter,
            KpiFrequency.Year when quarter.Quarter == 4 => quarter.WholeYear,
            _ => null,
        };
        return period is { } p ? new DueFigure(p, p.EndDate.AddDays(termDays)) : null;
    }

    /// <summary>Delivered when a value is stored; otherwise late once <paramref name="today"/> is after the due date.</summary>
    public static DeliveryState StateOf(bool delivered, DueFigure due, DateOnly today) =>
        delivered ? DeliveryState.Delivered : today > due.DueDate ? DeliveryState.Late : DeliveryState.Missing;

    /// <summary>The quarter a reader most likely wants: the last quarter that has ended by <paramref name="today"/>.</summary>
    public static Period LastEndedQuarter(DateOnly today) => Period.Containing(today, KpiFrequency.Quarter).Previous();
}
