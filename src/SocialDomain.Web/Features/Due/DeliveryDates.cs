namespace SocialDomain.Web.Features.Due;

/// <summary>Dates as the municipality counts them: in Europe/Amsterdam.</summary>
public static class DeliveryDates
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Today's date in Amsterdam.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);

    /// <summary>A date as the pages print it: 11-02-2021.</summary>
    public static string Text(DateOnly date) => date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
