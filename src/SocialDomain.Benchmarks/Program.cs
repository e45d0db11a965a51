using BenchmarkDotNet.Running;
using SocialDomain.Benchmarks.Load;

namespace SocialDomain.Benchmarks;

/// <summary>
/// Entry point.
/// <list type="bullet">
/// <item><c>dotnet run -c Release --project src/SocialDomain.Benchmarks -- --filter '*'</c>: the calculation-layer
/// benchmarks (BenchmarkDotNet; any BenchmarkDotNet arguments). <c>-- calc</c> is short for <c>--filter '*'</c>.</item>
/// <item><c>dotnet run -c Release --project src/SocialDomain.Benchmarks -- load</c>: the whole-stack load benchmark
/// (see <see cref="LoadCommand"/> and docs/performance.md).</item>
/// </list>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["load", .. var loadArgs])
        {
            return await LoadCommand.RunAsync(loadArgs);
        }

        var benchmarkArgs = args is ["calc", .. var rest] ? ["--filter", "*", .. rest] : args;
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(benchmarkArgs);
        return 0;
    }
}
