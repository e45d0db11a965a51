using System.Globalization;
using System.Runtime.InteropServices;

namespace SocialDomain.Benchmarks.Load;

/// <summary>What the figures were measured on: cores, CPU model, memory, OS, runtime.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, double MemoryGiB, string OperatingSystem, string Runtime)
{
    public static MachineInfo Read()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = ReadField("/proc/meminfo", "MemTotal") is { } mem && long.TryParse(mem.Split(' ')[0], CultureInfo.InvariantCulture, out var kb) ? kb : 0;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return new MachineInfo(Environment.ProcessorCount, cpu, memKb / 1024.0 / 1024.0, os ?? RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription);
    }

    public string Describe(IFormatProvider format) =>
        string.Format(format, "{0} cores (nproc), {1}, {2:0.0} GiB RAM, {3}, {4}", Cores, CpuModel, MemoryGiB, OperatingSystem, Runtime);

    private static string? ReadField(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (var line in File.ReadLines(file))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == name)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
