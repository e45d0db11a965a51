using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SocialDomain.Benchmarks.Load;

/// <summary>
/// The dashboard in Release and Production mode as a child process (<c>dotnet SocialDomain.Web.dll</c>) against the
/// benchmark database, with the baseline page switched on. Its console output goes to a log file (through
/// <c>sh -c 'exec …'</c>, so the process id stays the app's and nothing here has to read the stream).
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private AppUnderTest(Process process, Uri baseAddress, string logFile)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogFile = logFile;
    }

    public Uri BaseAddress { get; }

    public string LogFile { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static async Task<AppUnderTest> StartAsync(
        string webDll, string contentRoot, string connectionString, int port, string logFile, IReadOnlyDictionary<string, string> extraEnvironment,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$0\" \"$@\" >\"$SD_LOAD_LOG\" 2>&1");
        info.ArgumentList.Add(ProcessRunner.Which("dotnet") ?? "dotnet");
        info.ArgumentList.Add(webDll);
        info.Environment["SD_LOAD_LOG"] = logFile;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__SocialDomain"] = connectionString;
        info.Environment["Database__SeedOnStartup"] = "false";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        info.Environment["Benchmark__Enabled"] = "true";
        info.Environment["AllowedHosts"] = "127.0.0.1;localhost"; // checked at start in Production (ProductionSettings)
        info.Environment["Security__Contact"] = "mailto:security@benchmark.local";
        foreach (var (key, value) in extraEnvironment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the web app.");
        var app = new AppUnderTest(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), logFile);
        using var client = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web app stopped during start-up (exit code {process.ExitCode}); see {logFile}:{Environment.NewLine}{Tail(logFile)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health/live", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow start.
            }

            await Task.Delay(200, cancellationToken);
        }

        await app.DisposeAsync();
        throw new TimeoutException($"The web app did not answer /health/live within {timeout.TotalSeconds:0} s; see {logFile}:{Environment.NewLine}{Tail(logFile)}");
    }

    /// <summary>Resident set size (VmRSS) of the app in bytes, from /proc; null when it cannot be read.</summary>
    public long? ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>Samples VmRSS every <paramref name="interval"/> until cancelled; returns the peak seen.</summary>
    public async Task<long> SamplePeakResidentBytesAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        long peak = ResidentBytes() ?? 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes() ?? 0);
                await Task.Delay(interval, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return Math.Max(peak, ResidentBytes() ?? 0);
    }

    public static string Tail(string logFile, int lines = 30)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(logFile).TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first (graceful shutdown), then kill.
            try
            {
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                term?.WaitForExit(2000);
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                ProcessRunner.Kill(_process);
            }
        }

        _process.Dispose();
    }
}
