using System.Globalization;

namespace SocialDomain.Benchmarks.Load;

/// <summary>How the calculation-layer figures get into the table.</summary>
public enum CalcMode
{
    /// <summary>Run BenchmarkDotNet when enough of the time budget is left; otherwise reuse the documented figures.</summary>
    Auto,
    Run,
    Reuse,
    Skip,
}

/// <summary>Options of <c>-- load</c>; every one has a default, so the README's one line needs none.</summary>
public sealed record LoadOptions(
    TimeSpan Duration,
    TimeSpan WarmUp,
    IReadOnlyList<int> Connections,
    int ExportRows,
    CalcMode Calc,
    bool UpdateDocs,
    bool Keep,
    TimeSpan Budget)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project src/SocialDomain.Benchmarks -- load [options]
          --duration <s>        seconds per measured wrk run (default 10)
          --warmup <s>          seconds of unmeasured load per page before its runs (default 5)
          --connections <list>  fixed wrk concurrencies, comma-separated (default 8,32)
          --export-rows <n>     measurement rows for the CSV export (default 1000000)
          --calc auto|run|reuse|skip
                                calculation-layer benchmark: run it when the budget allows (auto, default), always run,
                                reuse the figures in docs/performance.md, or leave it out
          --no-docs             do not update docs/performance.md
          --keep                keep the benchmark cluster's folder and the logs (for inspection)
          --budget <min>        time budget of this process in minutes, build excluded (default 12)
        """;

    public static LoadOptions Default { get; } = new(
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), [8, 32], 1_000_000, CalcMode.Auto, UpdateDocs: true, Keep: false, TimeSpan.FromMinutes(12));

    /// <summary>Parses the arguments after "load"; null (with a message) when they are invalid.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--duration" => options with { Duration = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                    "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                    "--connections" => options with
                    {
                        Connections = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).Where(c => c > 0).Distinct().Order().ToList(),
                    },
                    "--export-rows" => options with { ExportRows = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--calc" => options with { Calc = Enum.Parse<CalcMode>(Next(), ignoreCase: true) },
                    "--no-docs" => options with { UpdateDocs = false },
                    "--keep" => options with { Keep = true },
                    "--budget" => options with { Budget = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                    "-h" or "--help" => null,
                    _ => throw new FormatException($"unknown option '{args[i]}'"),
                };
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
            {
                error.WriteLine(ex.Message);
                options = null;
            }

            if (options is null)
            {
                error.WriteLine(Usage);
                return null;
            }
        }

        if (options.Connections.Count == 0 || options.Duration < TimeSpan.FromSeconds(1))
        {
            error.WriteLine(Usage);
            return null;
        }

        return options;
    }
}
