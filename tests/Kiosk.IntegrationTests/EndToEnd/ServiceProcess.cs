using System.Diagnostics;
using System.Text;

namespace Kiosk.IntegrationTests.EndToEnd;

/// <summary>
/// The real kiosk-edge service as a child process in simulation, with its own state and runtime
/// directories, so tests see exactly what an operator's `dotnet run` would do.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputGate = new();

    private ServiceProcess(Process process, string stateDirectory, string runtimeDirectory)
    {
        _process = process;
        StateDirectory = stateDirectory;
        RuntimeDirectory = runtimeDirectory;
    }

    public string StateDirectory { get; }

    public string RuntimeDirectory { get; }

    public string SocketPath => Path.Combine(RuntimeDirectory, "kiosk.sock");

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_outputGate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the service with Development defaults plus <paramref name="settings"/>
    /// (configuration keys such as <c>Mqtt:Host</c>, passed as KIOSK_ environment variables).
    /// <paramref name="stateDirectory"/> lets a test restart the service on the same state;
    /// <paramref name="environment"/> adds process environment variables (e.g. libfaketime's LD_PRELOAD).
    /// The service starts with every signal at its default disposition, as systemd starts it, even when the
    /// tests run under <c>nohup</c> (dispositions set to ignore are inherited); <paramref name="ignoreHangUp"/>
    /// starts it with SIGHUP ignored instead, as <c>nohup</c> would.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null,
        string? stateDirectory = null,
        CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, string>? environment = null,
        bool ignoreHangUp = false)
    {
        var root = Directory.CreateTempSubdirectory("kiosk-e2e-").FullName;
        stateDirectory ??= Path.Combine(root, "state");
        var runtimeDirectory = Path.Combine(root, "run");
        var psi = WithSignalsReset(RepoPaths.Service(), ignoreHangUp);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = root;
        psi.Environment["DOTNET_ENVIRONMENT"] = "Development";
        psi.Environment["KIOSK_Kiosk__StateDirectory"] = stateDirectory;
        psi.Environment["KIOSK_Kiosk__RuntimeDirectory"] = runtimeDirectory;
        psi.Environment.Remove("NOTIFY_SOCKET");
        psi.Environment.Remove("KIOSK_CONFIG");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            psi.Environment["KIOSK_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start kiosk-edge");
        var service = new ServiceProcess(process, stateDirectory, runtimeDirectory);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitReadyAsync(cancellationToken).ConfigureAwait(false);
        return service;
    }

    /// <summary>
    /// The same command under coreutils' <c>env --default-signal</c>, which resets every signal to its default and
    /// then runs the command in the same process (execvp), so <see cref="Pid"/> is still the service's.
    /// </summary>
    private static ProcessStartInfo WithSignalsReset(ProcessStartInfo command, bool ignoreHangUp)
    {
        var psi = new ProcessStartInfo("env");
        psi.ArgumentList.Add("--default-signal");
        if (ignoreHangUp)
        {
            psi.ArgumentList.Add("--ignore-signal=HUP");
        }

        psi.ArgumentList.Add(command.FileName);
        foreach (var argument in command.ArgumentList)
        {
            psi.ArgumentList.Add(argument);
        }

        return psi;
    }

    /// <summary>Runs the real kioskctl against this service; returns exit code and output.</summary>
    public async Task<CtlRun> CtlAsync(params string[] args)
    {
        var psi = RepoPaths.Ctl();
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.ArgumentList.Add("--socket");
        psi.ArgumentList.Add(SocketPath);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start kioskctl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        return new CtlRun(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>SIGTERM, as systemd stops the service; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"kiosk-edge exited with {_process.ExitCode}:\n{Output}");
            }

            if (File.Exists(SocketPath) && (await CtlAsync("status", "--json").ConfigureAwait(false)).ExitCode == 0)
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"kiosk-edge did not answer on {SocketPath} within 60 s:\n{Output}");
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            _output.AppendLine(line);
        }
    }
}
