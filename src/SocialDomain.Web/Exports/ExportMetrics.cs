using System.Diagnostics.Metrics;

namespace SocialDomain.Web.Exports;

/// <summary>
/// Counters of the exports and the API (OpenTelemetry-compatible <see cref="Meter"/>): rows written, exports
/// completed and exports stopped because the client went away. Tests listen to prove that an export streams
/// and stops.
/// </summary>
public static class ExportMetrics
{
    public const string MeterName = "SocialDomain.Exports";

    public const string DatasetTag = "dataset";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Rows written to a response (CSV or JSON), tagged with the dataset.</summary>
    public static readonly Counter<long> RowsWritten = Meter.CreateCounter<long>("socialdomain.export.rows", "{row}", "Rijen geschreven naar een export of API-antwoord");

    public static readonly Counter<long> Completed = Meter.CreateCounter<long>("socialdomain.export.completed", "{export}", "Volledig verstuurde exports");

    public static readonly Counter<long> Aborted = Meter.CreateCounter<long>("socialdomain.export.aborted", "{export}", "Exports gestopt omdat de client de verbinding verbrak");
}
