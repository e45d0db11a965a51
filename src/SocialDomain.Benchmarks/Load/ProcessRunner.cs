using System.Diagnostics;
using System.Text;

namespace SocialDomain.Benchmarks.Load;

/// <summary>The outcome of a finished (or timed-out) child process.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public string Describe(string what) =>
        TimedOut ? $"{what}: timed out after {Elapsed.TotalSeconds:0} s"
        : $"{what}: exit code {ExitCode}{Environment.NewLine}{Tail(Error.Length > 0 ? Error : Output, 2000)}";

    private static string Tail(string text, int max) => text.Length <= max ? text : "…" + text[^max..];
}

/// <summary>Runs child processes with a time limit; a process that overruns is killed (with its children).</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string file,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{file}'.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Flush the asynchronous readers.
        process.WaitForExit();
        stopwatch.Stop();
        lock (output)
        {
            lock (error)
            {
                return new ProcessResult(timedOut ? -1 : process.ExitCode, output.ToString(), error.ToString(), stopwatch.Elapsed, timedOut);
            }
        }
    }

    /// <summary>Kills a process we started, and its children.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Which(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
