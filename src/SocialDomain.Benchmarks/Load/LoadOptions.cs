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

/// <summary>The parts of the command (<c>--only</c>, <c>--skip</c>).</summary>
[Flags]
public enum LoadParts
{
    None = 0,

    /// <summary>wrk against the baseline and the pages, anonymous and signed in, on the main dataset.</summary>
    Pages = 1,

    /// <summary>The council report's PDF of the main dataset and of the seed data (and, with <see cref="Growth"/>, per size).</summary>
    Report = 2,

    /// <summary>The signed-in overview and benchmark page (and, with <see cref="Report"/>, the report) at other dataset sizes.</summary>
    Growth = 4,

    /// <summary>The CSV export of a million measurements against psql \copy.</summary>
    Export = 8,

    /// <summary>The calculation-layer BenchmarkDotNet run.</summary>
    Calc = 16,

    All = Pages | Report | Growth | Export | Calc,
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
    TimeSpan Budget,
    LoadParts Parts = LoadParts.All,
    TimeSpan GrowthDuration = default,
    int GrowthRounds = 2,
    int ExportRounds = 3,
    int ReportPrints = 3,
    bool Hold = false)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project src/SocialDomain.Benchmarks -- load [options]
          --duration <s>        seconds per measured wrk run (default 10)
          --warmup <s>          seconds of unmeasured load per page before its runs (default 5)
          --connections <list>  fixed wrk concurrencies, comma-separated (default 8,32)
          --only <parts>        run only these parts, comma-separated: pages, report, growth, export, calc
          --skip <parts>        leave these parts out
          --growth-duration <s> seconds per growth point and round (default 5)
          --growth-rounds <n>   rounds over the growth points, best of them counts (default 2)
          --export-rows <n>     measurement rows for the CSV export (default 1000000)
          --export-rounds <n>   export and psql \copy rounds, medians count (default 3)
          --report-prints <n>   measured prints of the council report after the warm-up print, median counts (default 3)
          --calc auto|run|reuse|skip
                                calculation-layer benchmark: run it when the budget allows (auto, default), always run,
                                reuse the figures in docs/performance.md, or leave it out
          --quick               a short smoke run: 3 s runs, 1 s warm-up, growth 3 s × 1 round, 200.000 export rows,
                                1 export round, 1 report print, calculation layer reused (for testing the command)
          --no-docs             do not update docs/performance.md
          --keep                keep the benchmark cluster's folder and the logs (for inspection)
          --hold                prepare the main dataset, start the app, sign in, print its address, process id and staff
                                cookie, and wait until Ctrl+C (for profiling with dotnet-trace, wrk or a browser)
          --budget <min>        time budget of this process in minutes, build excluded (default 25)
        """;

    public static LoadOptions Default { get; } = new(
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), [8, 32], 1_000_000, CalcMode.Auto, UpdateDocs: true, Keep: false, TimeSpan.FromMinutes(25),
        LoadParts.All, TimeSpan.FromSeconds(5));

    public bool Runs(LoadParts part) => (Parts & part) != 0;

    /// <summary>Parses the arguments after "load"; null (with a message) when they are invalid.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            try
            {
                options = args[i] switch
                {
                    "--duration" => options with { Duration = TimeSpan.FromSeconds(NextInt()) },
                    "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(NextInt()) },
                    "--connections" => options with
                    {
                        Connections = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).Where(c => c > 0).Distinct().Order().ToList(),
                    },
                    "--only" => options with { Parts = ParseParts(Next()) },
                    "--skip" => options with { Parts = options.Parts & ~ParseParts(Next()) },
                    "--growth-duration" => options with { GrowthDuration = TimeSpan.FromSeconds(NextInt()) },
                    "--growth-rounds" => options with { GrowthRounds = Math.Max(1, NextInt()) },
                    "--export-rows" => options with { ExportRows = NextInt() },
                    "--export-rounds" => options with { ExportRounds = Math.Max(1, NextInt()) },
                    "--report-prints" => options with { ReportPrints = Math.Max(1, NextInt()) },
                    "--calc" => options with { Calc = Enum.Parse<CalcMode>(Next(), ignoreCase: true) },
                    "--quick" => options with
                    {
                        Duration = TimeSpan.FromSeconds(3), WarmUp = TimeSpan.FromSeconds(1), GrowthDuration = TimeSpan.FromSeconds(3), GrowthRounds = 1,
                        ExportRows = 200_000, ExportRounds = 1, ReportPrints = 1, Calc = CalcMode.Reuse,
                    },
                    "--no-docs" => options with { UpdateDocs = false },
                    "--keep" => options with { Keep = true },
                    "--hold" => options with { Hold = true },
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

        if (options.Connections.Count == 0 || options.Duration < TimeSpan.FromSeconds(1) || options.GrowthDuration < TimeSpan.FromSeconds(1))
        {
            error.WriteLine(Usage);
            return null;
        }

        return options;
    }

    private static LoadParts ParseParts(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Aggregate(LoadParts.None, (parts, part) => parts | Enum.Parse<LoadParts>(part, ignoreCase: true));
}
