using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocialDomain.Web.Infrastructure;

/// <summary>
/// Creates and starts a private PostgreSQL cluster in a folder, for the run command in Development (when no
/// connection string is configured) and for the test suite. PostgreSQL refuses to run as root,
/// so when the process runs as root the cluster is owned and run by the unprivileged
/// <c>postgres</c> user; when that user cannot reach the folder (a clone under <c>/root</c>), the cluster
/// is kept in <see cref="FallbackDirectory"/> instead. Missing server binaries are installed from Debian
/// when running as root. A durable cluster (the run command) keeps <c>fsync</c> on; a throwaway one (tests,
/// benchmarks) turns it off. See docs/adr/0003-local-postgres.md.
/// </summary>
public sealed class LocalPostgres
{
    private const string ServiceUser = "postgres";

    private readonly Action<string> _log;

    public LocalPostgres(string dataDirectory, int port, Action<string>? log = null, bool durable = false, string? fallbackDirectory = null)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Port = port;
        Durable = durable;
        FallbackDirectory = fallbackDirectory is null ? null : Path.GetFullPath(fallbackDirectory);
        _log = log ?? (_ => { });
    }

    /// <summary>Where the cluster lives; <see cref="FallbackDirectory"/> after <see cref="Start"/> when the service user cannot reach the first choice.</summary>
    public string DataDirectory { get; private set; }

    /// <summary>Used instead of the requested folder when the process runs as root and <c>postgres</c> cannot enter it.</summary>
    public string? FallbackDirectory { get; }

    /// <summary>True: fsync on and a synced initdb (data that is kept). False: a throwaway cluster, fast and not crash-safe.</summary>
    public bool Durable { get; }

    public int Port { get; }

    /// <summary>Connection string for <paramref name="database"/> on this cluster (trust auth, loopback only).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    /// <summary>Initialises the cluster if the folder is empty and starts it unless it already runs.</summary>
    public void Start()
    {
        var bin = FindOrInstallBinaries(_log);
        var asRoot = Environment.UserName == "root";
        if (asRoot && !ServiceUserCanReach(DataDirectory))
        {
            if (FallbackDirectory is null)
            {
                throw new InvalidOperationException(
                    $"Gebruiker '{ServiceUser}' kan {DataDirectory} niet openen; kies een map buiten een afgeschermde map (zoals /root).");
            }

            _log($"Gebruiker '{ServiceUser}' kan {DataDirectory} niet openen; de PostgreSQL-cluster staat daarom in {FallbackDirectory}");
            DataDirectory = FallbackDirectory;
            Directory.CreateDirectory(Path.GetDirectoryName(DataDirectory)!);
        }

        Directory.CreateDirectory(DataDirectory);
        if (asRoot)
        {
            Run("chown", ["-R", $"{ServiceUser}:{ServiceUser}", DataDirectory], asUser: null);
            Run("chmod", ["700", DataDirectory], asUser: null);
        }

        var user = asRoot ? ServiceUser : null;
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            _log($"PostgreSQL-cluster aanmaken in {DataDirectory}");
            string[] initdb = ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"];
            Run(Path.Combine(bin, "initdb"), Durable ? initdb : [.. initdb, "--no-sync"], user);
        }

        if (IsRunning(bin, user))
        {
            _log($"PostgreSQL draait al op poort {Port}");
            return;
        }

        _log($"PostgreSQL starten op 127.0.0.1:{Port}");
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200"
            + (Durable ? string.Empty : " -c fsync=off");
        Run(Path.Combine(bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-o", options, "-w", "-t", "60", "start"],
            user);
    }

    /// <summary>Stops the cluster (fast shutdown). Safe to call when it is not running.</summary>
    public void Stop()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            return;
        }

        var user = Environment.UserName == "root" ? ServiceUser : null;
        if (IsRunning(bin, user))
        {
            Run(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], user);
        }
    }

    /// <summary>A TCP port that is free right now on the loopback interface.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The newest installed PostgreSQL server bin folder, or null.</summary>
    public static string? FindBinaries()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "pg_ctl")))
        {
            return fromEnv;
        }

        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static string FindOrInstallBinaries(Action<string> log)
    {
        var bin = FindBinaries();
        if (bin is not null)
        {
            return bin;
        }

        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(
                "PostgreSQL-serverprogramma's niet gevonden in /usr/lib/postgresql. Installeer ze met 'sudo apt-get install -y postgresql' of zet PG_BIN.");
        }

        log("PostgreSQL is niet geïnstalleerd; installeren met apt-get (Debian-pakket postgresql)...");
        Run("apt-get", ["update"], asUser: null);
        Run("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], asUser: null,
            environment: new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
        return FindBinaries() ?? throw new InvalidOperationException("PostgreSQL installeren is mislukt: geen pg_ctl gevonden.");
    }

    /// <summary>
    /// Whether the unprivileged service user can enter every folder above <paramref name="directory"/> (it owns the
    /// data folder itself after the chown, so only the path to it matters). Asked of the operating system, not computed
    /// from mode bits, so ACLs and group membership count.
    /// </summary>
    private static bool ServiceUserCanReach(string directory)
    {
        var parent = Path.GetDirectoryName(directory);
        while (parent is not null && !Directory.Exists(parent))
        {
            parent = Path.GetDirectoryName(parent);
        }

        return parent is null || TryRun("test", ["-x", parent], ServiceUser) == 0;
    }

    private bool IsRunning(string bin, string? user) =>
        File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))
        && TryRun(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, "status"], user) == 0;

    private static int TryRun(string file, string[] args, string? asUser)
    {
        using var process = StartProcess(file, args, asUser, environment: null);
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Run(string file, string[] args, string? asUser, IDictionary<string, string>? environment = null)
    {
        using var process = StartProcess(file, args, asUser, environment);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(file)} {string.Join(' ', args)}' mislukte (exitcode {process.ExitCode}):{Environment.NewLine}{output}");
        }
    }

    private static Process StartProcess(string file, string[] args, string? asUser, IDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (asUser is null)
        {
            info.FileName = file;
        }
        else
        {
            info.FileName = "runuser";
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(asUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(file);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Kon '{file}' niet starten.");
    }
}
