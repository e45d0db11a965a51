using BenchmarkDotNet.Running;

namespace SocialDomain.Benchmarks;

/// <summary>
/// Entry point. Run all benchmarks in Release:
/// <c>dotnet run -c Release --project src/SocialDomain.Benchmarks -- --filter '*'</c>
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
