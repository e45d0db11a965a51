using System.Diagnostics;
using System.Net;
using System.Text;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Tests.Setup;

/// <summary>
/// The README's two commands on a fresh machine (issue 13 items 1–3): the test command names what is missing in one
/// line, and the run command works as root from a folder the <c>postgres</c> user cannot enter.
/// </summary>
public sealed class FreshMachineTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    [Fact]
    public async Task TestCommand_WithoutChromiumAndLibreOffice_StopsWithOneLineNamingThePackages()
    {
        // The same MSBuild target `dotnet test` runs before the tests, told to only check (as a non-root user would).
        var result = await RunAsync("dotnet",
            ["msbuild", Path.Combine(RepositoryRoot, "tests", "SocialDomain.Web.Tests", "SocialDomain.Web.Tests.csproj"),
             "-t:CheckTestPrerequisites", "-nologo", "-v:q"],
            RepositoryRoot,
            new Dictionary<string, string>
            {
                ["CHROMIUM_PATH"] = "/nonexistent/chromium",
                ["SOFFICE_PATH"] = "/nonexistent/soffice",
                ["SOCIALDOMAIN_NO_INSTALL"] = "1",
                ["SOCIALDOMAIN_SKIP_PREREQUISITES"] = string.Empty,
            },
            TimeSpan.FromMinutes(2));

        result.ExitCode.Should().NotBe(0);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle(l => l.Contains("SD0001", StringComparison.Ordinal), result.Output)
            .Which.Should().EndWith("Ontbreekt voor de tests: chromium libreoffice-calc. Installeer met: sudo apt-get install -y --no-install-recommends chromium libreoffice-calc");
    }

    [Fact]
    public async Task TestCommand_WithEverythingPresent_PassesTheCheck()
    {
        var result = await RunAsync("bash", [Path.Combine(RepositoryRoot, "tests", "prerequisites.sh")], RepositoryRoot,
            new Dictionary<string, string> { ["SOCIALDOMAIN_NO_INSTALL"] = "1" }, TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(0, result.Output);
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task App_OutsideDevelopment_WithoutConnectionString_RefusesToStartWithOneLine()
    {
        var app = WebBuildOutput();
        var result = await RunAsync("dotnet", [Path.Combine(app, "SocialDomain.Web.dll"), "--urls", "http://127.0.0.1:0"], app,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["AllowedHosts"] = "dashboard.gemeente.nl",
                ["Security__Contact"] = "mailto:security@gemeente.nl",
                ["ConnectionStrings__SocialDomain"] = string.Empty,
                ["LocalPostgres__Enabled"] = "false",
            },
            TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("Geen database ingesteld (omgeving Production): zet ConnectionStrings__SocialDomain")
            .And.NotContain("PostgreSQL-cluster", "no private cluster is started outside Development");
    }

    [Fact]
    public async Task App_WithAnInvalidMunicipalityCode_RefusesToStartWithADutchAndEnglishMessage()
    {
        var app = WebBuildOutput();
        var result = await RunAsync("dotnet", [Path.Combine(app, "SocialDomain.Web.dll"), "--urls", "http://127.0.0.1:0"], app,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["Municipality__Code"] = "GM363",
                ["Municipality__Name"] = "Amsterdam",
                ["ConnectionStrings__SocialDomain"] = string.Empty,
                ["LocalPostgres__Enabled"] = "false",
            },
            TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("Municipality:Code 'GM363' is geen CBS-gemeentecode: verwacht GM gevolgd door vier cijfers")
            .And.Contain("expected GM followed by four digits");
    }

    [SkippableFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task RunCommand_AsRoot_InFolderPostgresCannotEnter_KeepsClusterElsewhere_AndBecomesReady()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "Only root on Linux hands the cluster to the postgres user; CI runs as root.");

        // A "clone" inside a chmod 700 folder, as a root user's ~ is: the app's build output and the solution file
        // that marks the repository root (DatabaseSetup looks for it to place .local/pgdata).
        var locked = Directory.CreateTempSubdirectory("sd-locked-");
        File.SetUnixFileMode(locked.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var clone = Path.Combine(locked.FullName, "clone");
        var app = Path.Combine(clone, "src", "SocialDomain.Web");
        CopyDirectory(WebBuildOutput(), app);
        File.WriteAllText(Path.Combine(clone, "SocialDomain.sln"), string.Empty);

        var pgPort = LocalPostgres.FreePort();
        var httpPort = LocalPostgres.FreePort();
        var log = new StringBuilder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(app, "SocialDomain.Web.dll"), "--urls", $"http://127.0.0.1:{httpPort}", "--contentRoot", app })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__SocialDomain"] = string.Empty;
        start.Environment["LocalPostgres__Port"] = pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Database__SeedOnStartup"] = "false";

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string? dataDirectory = null;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
            var status = await WaitForReadyAsync(http, process, TimeSpan.FromMinutes(3));
            string text;
            lock (log) { text = log.ToString(); }
            status.Should().Be(HttpStatusCode.OK, text);

            Directory.Exists(Path.Combine(clone, ".local", "pgdata", "base")).Should().BeFalse("postgres cannot enter the clone");
            text.Should().Contain("kan " + Path.Combine(clone, ".local", "pgdata") + " niet openen");
            dataDirectory = Directory.GetDirectories("/var/lib/postgresql/socialdomain", "clone-*")
                .Select(d => Path.Combine(d, "pgdata"))
                .Single(d => text.Contains(d, StringComparison.Ordinal));
            File.ReadAllText(Path.Combine(dataDirectory, "postmaster.opts")).Should().NotContain("fsync=off", "the run command's cluster keeps its data");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            if (dataDirectory is not null)
            {
                new LocalPostgres(dataDirectory, pgPort).Stop();
                Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
            }

            locked.Delete(recursive: true);
        }
    }

    private static async Task<HttpStatusCode?> WaitForReadyAsync(HttpClient http, Process process, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                last = response.StatusCode;
                if (last == HttpStatusCode.OK)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow first request
            }

            await Task.Delay(500);
        }

        return last;
    }

    /// <summary>The web project's own build output in the configuration and framework of this test run.</summary>
    private static string WebBuildOutput()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryRoot, "src", "SocialDomain.Web", "bin", framework.Parent!.Name, framework.Name);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string file, string[] args, string workingDirectory, IDictionary<string, string> environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialDomain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SocialDomain.sln not found above the test output folder.");
    }
}
