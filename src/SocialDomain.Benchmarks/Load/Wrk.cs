using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialDomain.Benchmarks.Load;

/// <summary>One wrk run: throughput, latency percentiles (µs) and errors.</summary>
public sealed record WrkResult(
    string Url,
    int Connections,
    int DelayMilliseconds,
    long Requests,
    double Seconds,
    double P50Micros,
    double P90Micros,
    double P95Micros,
    double P99Micros,
    double MaxMicros,
    long ConnectErrors,
    long ReadErrors,
    long WriteErrors,
    long Timeouts,
    long Non2xx)
{
    public double RequestsPerSecond => Seconds > 0 ? Requests / Seconds : 0;

    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;

    public long Errors => SocketErrors + Non2xx;
}

/// <summary>
/// Drives wrk (Debian package <c>wrk</c>; installed with apt-get when missing and running as root). A Lua
/// <c>done()</c> hook prints the exact counts and the 50/90/95/99th latency percentiles on one line, so nothing is
/// parsed from wrk's rounded human output. For runs below the maximum a <c>delay()</c> hook makes every
/// connection wait a fixed time after each response (see <see cref="LoadCommand"/> for the method).
/// </summary>
public static partial class Wrk
{
    private const string DoneHook = """
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("BENCHRESULT requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d p50=%d p90=%d p95=%d p99=%d max=%d\n",
            summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
            latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
        end
        """;

    private const string DelayHook = """
        local delay_ms = 0
        function init(args)
          if args[1] then delay_ms = tonumber(args[1]) end
        end
        function delay()
          return delay_ms
        end
        """;

    /// <summary>Finds wrk; installs it from Debian when missing and allowed (root with apt-get).</summary>
    public static async Task<string> FindOrInstallAsync(Action<string> log, CancellationToken cancellationToken)
    {
        if (ProcessRunner.Which("wrk") is { } found)
        {
            return found;
        }

        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException("wrk not found. Install it with 'sudo apt-get install -y wrk' (Debian package wrk).");
        }

        log("wrk is not installed; installing the Debian package wrk with apt-get…");
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        string[] install = ["install", "-y", "-qq", "--no-install-recommends", "wrk"];
        var result = await ProcessRunner.RunAsync("apt-get", install, TimeSpan.FromMinutes(4), environment, cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            var update = await ProcessRunner.RunAsync("apt-get", ["update", "-qq"], TimeSpan.FromMinutes(4), environment, cancellationToken: cancellationToken);
            if (!update.Succeeded)
            {
                throw new InvalidOperationException(update.Describe("apt-get update"));
            }

            result = await ProcessRunner.RunAsync("apt-get", install, TimeSpan.FromMinutes(4), environment, cancellationToken: cancellationToken);
        }

        return result.Succeeded && ProcessRunner.Which("wrk") is { } installed
            ? installed
            : throw new InvalidOperationException(result.Describe("apt-get install wrk"));
    }

    /// <summary>Writes the two Lua scripts into <paramref name="directory"/>.</summary>
    public static (string Plain, string Delayed) WriteScripts(string directory)
    {
        var plain = Path.Combine(directory, "wrk-done.lua");
        var delayed = Path.Combine(directory, "wrk-delay.lua");
        File.WriteAllText(plain, DoneHook + "\n");
        File.WriteAllText(delayed, DelayHook + "\n" + DoneHook + "\n");
        return (plain, delayed);
    }

    public static async Task<WrkResult> RunAsync(
        string wrk, string script, Uri url, int connections, TimeSpan duration, int delayMilliseconds, IReadOnlyList<string> headers,
        CancellationToken cancellationToken)
    {
        var threads = Math.Min(2, connections);
        var arguments = new List<string>
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)Math.Ceiling(duration.TotalSeconds)}s",
            "--timeout", "5s",
            "--latency",
            "-s", script,
        };
        foreach (var header in headers)
        {
            arguments.AddRange(["-H", header]);
        }

        arguments.Add(url.ToString());
        if (delayMilliseconds > 0)
        {
            arguments.AddRange(["--", delayMilliseconds.ToString(CultureInfo.InvariantCulture)]);
        }

        var result = await ProcessRunner.RunAsync(wrk, arguments, duration + TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Describe($"wrk {string.Join(' ', arguments.Where(a => !a.StartsWith("Cookie:", StringComparison.Ordinal)))}"));
        }

        var match = ResultLine().Match(result.Output);
        if (!match.Success)
        {
            throw new InvalidOperationException($"No result line in wrk's output:{Environment.NewLine}{result.Output}{result.Error}");
        }

        long Get(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        return new WrkResult(
            url.ToString(), connections, delayMilliseconds, Get("requests"), Get("duration") / 1_000_000.0,
            Get("p50"), Get("p90"), Get("p95"), Get("p99"), Get("max"),
            Get("connect"), Get("read"), Get("write"), Get("timeout"), Get("status"));
    }

    [GeneratedRegex(@"BENCHRESULT requests=(?<requests>\d+) duration_us=(?<duration>\d+) connect=(?<connect>\d+) read=(?<read>\d+) write=(?<write>\d+) status=(?<status>\d+) timeout=(?<timeout>\d+) p50=(?<p50>\d+) p90=(?<p90>\d+) p95=(?<p95>\d+) p99=(?<p99>\d+) max=(?<max>\d+)")]
    private static partial Regex ResultLine();
}
