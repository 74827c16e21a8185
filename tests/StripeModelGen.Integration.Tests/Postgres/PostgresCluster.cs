using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StripeModelGen.Integration.Tests.Postgres;

/// <summary>
/// A private, throw-away PostgreSQL cluster: <c>initdb</c> into a fresh temporary directory and
/// <c>pg_ctl start</c> on a free localhost port, with its unix socket inside that directory, trust
/// authentication for the superuser <c>postgres</c>, and durability switched off (fsync, synchronous
/// commit, full page writes) since the data is thrown away. PostgreSQL refuses to run as root, so
/// when the tests run as root the server runs as the <c>postgres</c> user (created by Debian's
/// package) through <c>runuser</c>, and the directory is handed to that user.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _binDirectory;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PostgresCluster(string binDirectory, string root, bool asPostgresUser, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        _asPostgresUser = asPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string LogFile => Path.Combine(_root, "postgres.log");

    /// <summary>A connection string to the <c>postgres</c> database of the cluster.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=30;Command Timeout=120");

    /// <summary>How long initdb and pg_ctl start took.</summary>
    public TimeSpan InitTime { get; private set; }

    public TimeSpan StartTime { get; private set; }

    /// <summary>
    /// The bin directory of the newest PostgreSQL installed: <c>SMG_PG_BIN</c> when set, else the
    /// highest version under <c>/usr/lib/postgresql/*/bin</c> (Debian), else <c>initdb</c> and
    /// <c>pg_ctl</c> on the PATH. Null when PostgreSQL is not installed.
    /// </summary>
    public static string? FindBinDirectory()
    {
        static bool HasTools(string directory) =>
            File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

        if (Environment.GetEnvironmentVariable("SMG_PG_BIN") is { Length: > 0 } configured)
            return HasTools(configured) ? configured : null;

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: double.TryParse(Path.GetFileName(d), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(c => c.Version >= 0 && HasTools(c.Directory))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Directory)
                .FirstOrDefault();
            if (newest is not null)
                return newest;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(directory, "pg_ctl");
            if (!File.Exists(pgCtl))
                continue;
            var resolved = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
            var candidate = Path.GetDirectoryName(resolved)!;
            if (HasTools(candidate))
                return candidate;
        }
        return null;
    }

    public static async Task<PostgresCluster> StartAsync(string binDirectory)
    {
        var asPostgresUser = Environment.IsPrivilegedProcess;
        // As root the directory must be reachable by the postgres user: /tmp, whatever TMPDIR says.
        var root = Path.Combine(asPostgresUser ? "/tmp" : Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"smg-pg-{Environment.ProcessId}-{Random.Shared.Next():x8}"));
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(root);
        else
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var port = FreePort();
        var cluster = new PostgresCluster(binDirectory, root, asPostgresUser, port);
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "socket"));
            if (asPostgresUser)
            {
                await RunProcessAsync("id", ["-u", "postgres"], root, "the `postgres` user must exist to run PostgreSQL as root (Debian's postgresql package creates it)").ConfigureAwait(false);
                await RunProcessAsync("chown", ["-R", "postgres:", root], root, "chown of the cluster directory").ConfigureAwait(false);
            }

            var stopwatch = Stopwatch.StartNew();
            await cluster.RunToolAsync("initdb",
                ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"]).ConfigureAwait(false);
            cluster.InitTime = stopwatch.Elapsed;

            stopwatch.Restart();
            var options = string.Create(CultureInfo.InvariantCulture,
                $"-p {port} -k {Path.Combine(root, "socket")} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50");
            await cluster.RunToolAsync("pg_ctl", ["-D", cluster.DataDirectory, "-l", cluster.LogFile, "-w", "-t", "60", "-o", options, "start"]).ConfigureAwait(false);
            cluster.StartTime = stopwatch.Elapsed;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"]).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Stopping is best effort; the directory goes anyway.
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Runs a PostgreSQL tool, as the postgres user when the tests run as root.</summary>
    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory, tool);
        if (!_asPostgresUser)
            return RunLoggedAsync(path, arguments, _root, tool);
        if (new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists) is { } runuser)
            return RunLoggedAsync(runuser, ["-u", "postgres", "--", path, .. arguments], _root, tool);
        var command = string.Join(' ', new[] { path }.Concat(arguments).Select(ShellQuote));
        return RunLoggedAsync("su", ["-s", "/bin/sh", "postgres", "-c", command], _root, tool);
    }

    private async Task RunLoggedAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, string what)
    {
        try
        {
            await RunProcessAsync(fileName, arguments, workingDirectory, what).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception) when (File.Exists(LogFile))
        {
            var log = string.Join('\n', File.ReadLines(LogFile).TakeLast(20));
            throw new InvalidOperationException($"{exception.Message}\n--- last lines of {LogFile} ---\n{log}", exception);
        }
    }

    private static async Task RunProcessAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, string what)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Append(e.Data).Append('\n'); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not run {fileName} ({what}): {exception.Message}", exception);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} ({what}) did not finish within {CommandTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        process.WaitForExit(); // flushes the redirected output
        if (process.ExitCode != 0)
        {
            string text;
            lock (output)
                text = output.ToString().Trim();
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{fileName} {string.Join(' ', arguments)} ({what}) exited with code {process.ExitCode}:\n{text}"));
        }
    }

    private static string ShellQuote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
